import { combineWrites } from './write-batch';

describe('combineWrites: the writes of a unit of work as one statement', () => {
  it('shifts each write’s placeholders past those of the writes before it, keeping the values in order', () => {
    const { sql, parameters } = combineWrites([
      { sql: 'UPDATE offers SET status = $2 WHERE id = $1 AND version = $3 RETURNING version', parameters: ['offer', 'CLAIMED', 4] },
      { sql: 'INSERT INTO claims (id, offer_id, created_at, status_changed_at) VALUES ($1, $2, $3, $3)', parameters: ['claim', 'offer', 'now'] },
    ]);
    expect(sql).toContain('w0 AS (UPDATE offers SET status = $2 WHERE id = $1 AND version = $3 RETURNING version)');
    expect(sql).toContain('w1 AS (INSERT INTO claims (id, offer_id, created_at, status_changed_at) VALUES ($4, $5, $6, $6) RETURNING 1)');
    expect(parameters).toEqual(['offer', 'CLAIMED', 4, 'claim', 'offer', 'now']);
  });

  it('reads every write’s count in the order queued, which is what runs them in that order', () => {
    const { sql } = combineWrites([
      { sql: 'DELETE FROM a WHERE id = $1', parameters: [1] },
      { sql: 'DELETE FROM b WHERE id = $1', parameters: [2] },
      { sql: 'DELETE FROM c WHERE id = $1', parameters: [3] },
    ]);
    expect(sql.slice(sql.indexOf('SELECT'))).toBe('SELECT (SELECT count(*) FROM w0) AS w0, (SELECT count(*) FROM w1) AS w1, (SELECT count(*) FROM w2) AS w2');
  });

  it('leaves a RETURNING clause the write has and numbers ten and more placeholders right', () => {
    const many = Array.from({ length: 11 }, (_, index) => `$${index + 1}`).join(', ');
    const { sql, parameters } = combineWrites([
      { sql: 'DELETE FROM a WHERE id = $1 RETURNING id', parameters: ['x'] },
      { sql: `INSERT INTO b VALUES (${many})`, parameters: Array.from({ length: 11 }, (_, index) => index) },
    ]);
    expect(sql).toContain('w0 AS (DELETE FROM a WHERE id = $1 RETURNING id)');
    expect(sql).toContain('INSERT INTO b VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING 1');
    expect(parameters).toHaveLength(12);
  });

  it('has the database check each expected row count in turn, and counts the writes without one', () => {
    const { sql } = combineWrites([
      { sql: 'INSERT INTO keys (key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING key', parameters: ['k'], expectation: { rows: 1 } },
      { sql: 'DELETE FROM a WHERE id = $1', parameters: [1] },
      { sql: 'SELECT 1 WHERE fits($1)', parameters: [2], expectation: { rows: 1 } },
    ]);
    expect(sql.slice(sql.indexOf('SELECT glane'))).toBe(
      'SELECT glane_expect_rows(0, (SELECT count(*) FROM w0), 1) AS w0, (SELECT count(*) FROM w1) AS w1, glane_expect_rows(2, (SELECT count(*) FROM w2), 1) AS w2',
    );
  });

  it('leaves a guarding SELECT as it is: its rows are what it returns', () => {
    const { sql } = combineWrites([{ sql: 'SELECT 1 WHERE fits($1)', parameters: [2], expectation: { rows: 1 } }]);
    expect(sql).toContain('w0 AS (SELECT 1 WHERE fits($1))');
  });
});
