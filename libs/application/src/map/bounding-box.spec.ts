import { DomainError } from '#domain';
import { containsPoint, MAX_BBOX_DEGREES, parseBoundingBox, parseMapLayers } from './bounding-box';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? `${error.code}@${error.field ?? ''}` : 'not a DomainError';
  }
}

describe('parseBoundingBox', () => {
  it('reads west,south,east,north in degrees, spaces and exponents allowed', () => {
    expect(parseBoundingBox('4.7,45.6,5.0,45.9')).toEqual({ minLongitude: 4.7, minLatitude: 45.6, maxLongitude: 5, maxLatitude: 45.9 });
    expect(parseBoundingBox(' -1.5 , 4.35e1, 0.5,44')).toEqual({ minLongitude: -1.5, minLatitude: 43.5, maxLongitude: 0.5, maxLatitude: 44 });
  });

  it.each([
    ['absent', undefined],
    ['repeated (an array)', ['1,2,3,4', '1,2,3,4']],
    ['three numbers', '1,2,3'],
    ['five numbers', '1,2,3,4,5'],
    ['an empty part', '1,,3,4'],
    ['not a number', '1,2,east,4'],
    ['Infinity', 'Infinity,2,3,4'],
    ['NaN', 'NaN,2,3,4'],
    ['hexadecimal', '0x1,2,3,4'],
    ['a longitude beyond 180', '179,0,181,1'],
    ['a longitude below -180', '-181,0,-179,1'],
    ['a latitude beyond 90', '0,88,1,91'],
    ['a latitude below -90', '0,-91,1,-89'],
    ['west not before east', '5,45,4,46'],
    ['south not before north', '4,46,5,45'],
    ['an empty box', '4,45,4,46'],
  ])('refuses %s with INVALID_BBOX on bbox', (_label, raw) => {
    expect(codeOf(() => parseBoundingBox(raw))).toBe('INVALID_BBOX@bbox');
  });

  it(`refuses a side longer than ${MAX_BBOX_DEGREES}° with BBOX_TOO_LARGE, and takes exactly ${MAX_BBOX_DEGREES}°`, () => {
    expect(codeOf(() => parseBoundingBox('0,40,5.01,41'))).toBe('BBOX_TOO_LARGE@bbox');
    expect(codeOf(() => parseBoundingBox('0,40,1,45.5'))).toBe('BBOX_TOO_LARGE@bbox');
    expect(codeOf(() => parseBoundingBox('-180,-90,180,90'))).toBe('BBOX_TOO_LARGE@bbox');
    expect(parseBoundingBox('0,40,5,45')).toEqual({ minLongitude: 0, minLatitude: 40, maxLongitude: 5, maxLatitude: 45 });
  });

  it('contains its edges and nothing outside', () => {
    const box = parseBoundingBox('4,45,5,46');
    expect(containsPoint(box, 4, 45)).toBe(true);
    expect(containsPoint(box, 5, 46)).toBe(true);
    expect(containsPoint(box, 4.5, 45.5)).toBe(true);
    expect(containsPoint(box, 5.0001, 45.5)).toBe(false);
    expect(containsPoint(box, 4.5, 44.9999)).toBe(false);
  });
});

describe('parseMapLayers', () => {
  it('is every layer when absent or empty', () => {
    expect([...parseMapLayers(undefined)]).toEqual(['offers', 'recipients']);
    expect([...parseMapLayers('')]).toEqual(['offers', 'recipients']);
  });

  it('reads one or both layers, in any order', () => {
    expect([...parseMapLayers('recipients')]).toEqual(['recipients']);
    expect([...parseMapLayers('recipients, offers')].sort()).toEqual(['offers', 'recipients']);
  });

  it('refuses an unknown layer with UNKNOWN_MAP_LAYER on layers', () => {
    expect(codeOf(() => parseMapLayers('offers,donors'))).toBe('UNKNOWN_MAP_LAYER@layers');
    expect(codeOf(() => parseMapLayers(['offers']))).toBe('UNKNOWN_MAP_LAYER@layers');
  });
});
