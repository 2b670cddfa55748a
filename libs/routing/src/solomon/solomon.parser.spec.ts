import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EuclideanDistanceProvider } from '../distance/euclidean.distance-provider';
import { RoutingError } from '../routing-error';
import { solveRouting } from '../routing.solver';
import { verifySolomonAnswer } from '../verification/solomon-answer.verifier';
import { parseSolomon, solomonToProblem } from './solomon.parser';

const C101 = readFileSync(join(__dirname, '../../../../bench/routing/solomon/C101.txt'), 'utf8');

describe('parseSolomon', () => {
  it('reads the name, the fleet and every node of a benchmark file', () => {
    const instance = parseSolomon(C101);
    expect(instance.name).toBe('C101');
    expect(instance.vehicleCount).toBe(25);
    expect(instance.capacity).toBe(200);
    expect(instance.nodes).toHaveLength(101);
    expect(instance.nodes[0]).toEqual({ id: 0, x: 40, y: 50, demand: 0, ready: 0, due: 1236, service: 0 });
    expect(instance.nodes[1]).toEqual({ id: 1, x: 45, y: 68, demand: 10, ready: 912, due: 967, service: 90 });
  });

  it('turns Solomon due dates (latest start) into windows that contain the whole service', () => {
    const problem = solomonToProblem(parseSolomon(C101));
    expect(problem.stops[0].window).toEqual({ start: 912, end: 1057 });
    expect(problem.depot.window).toEqual({ start: 0, end: 1236 });
    expect(problem.vehicles).toHaveLength(25);
  });

  it.each([
    ['an empty file', ''],
    ['a file without the vehicle section', 'X1\n\nCUSTOMER\n0 1 2 0 0 100 0\n'],
    ['a row with six numbers', 'X1\nVEHICLE\nNUMBER CAPACITY\n2 10\nCUSTOMER\n0 1 2 0 0 100\n'],
    ['a row with a word', 'X1\nVEHICLE\nNUMBER CAPACITY\n2 10\nCUSTOMER\n0 1 2 0 0 100 x0\n'],
    ['no customer rows', 'X1\nVEHICLE\nNUMBER CAPACITY\n2 10\nCUSTOMER\n'],
  ])('rejects %s with INVALID_INSTANCE_FILE', (_case, text) => {
    expect(() => parseSolomon(text)).toThrow(RoutingError);
    expect(() => parseSolomon(text)).toThrow(/INVALID_INSTANCE_FILE/);
  });

  it('solves C101 into an answer the independent Solomon verifier accepts', async () => {
    const instance = parseSolomon(C101);
    const plan = await solveRouting(solomonToProblem(instance), new EuclideanDistanceProvider(), { threads: 1, runs: 1, iterations: 3000 });
    expect(plan.unserved).toEqual([]);
    const answer = {
      instance: instance.name,
      vehicles: plan.vehicleCount,
      distance: Math.round(plan.distance * 100) / 100,
      routes: plan.routes.map((route) => route.visits.map((visit) => Number(visit.stopId))),
    };
    const check = verifySolomonAnswer(C101, answer);
    expect(check.violations).toEqual([]);
    // C101's optimum is 828.94 (10 vehicles); even a short search comes close.
    expect(check.distance).toBeLessThan(828.94 * 1.05);
  });
});
