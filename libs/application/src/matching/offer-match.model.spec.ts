import type { MatchReason } from '#matching';
import { reasonsToTell } from './offer-match.model';

const reason = (code: MatchReason['code'], extra: Partial<MatchReason> = {}): MatchReason =>
  ({ code, verdict: 'PASS', fr: code, en: code, figures: {}, ...extra }) as MatchReason;

describe('the reasons shown to a person', () => {
  it('says the distance once when the score already explains it', () => {
    const shown = reasonsToTell([reason('SCORE_DISTANCE'), reason('WITHIN_RADIUS'), reason('RECIPIENT_VERIFIED')]).map((r) => r.code);
    expect(shown).toEqual(['SCORE_DISTANCE', 'RECIPIENT_VERIFIED']);
  });

  it('keeps the radius check when no distance score is given', () => {
    expect(reasonsToTell([reason('WITHIN_RADIUS')]).map((r) => r.code)).toEqual(['WITHIN_RADIUS']);
  });

  it('shows per-item reasons only for refusals and DDM dates already past', () => {
    const shown = reasonsToTell([
      reason('DLC_MARGIN_MET', { itemId: 'a' }),
      reason('DLC_MARGIN_TOO_SHORT', { itemId: 'b', verdict: 'FAIL' }),
      reason('DDM_PAST_DATE', { itemId: 'c', verdict: 'INFO' }),
    ]).map((r) => r.itemId);
    expect(shown).toEqual(['b', 'c']);
  });
});
