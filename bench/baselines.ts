// The bare baselines the platform is measured against, in their own process:
//   A: Express echoing the JSON it receives; B: Express doing one INSERT of the JSON into PostgreSQL with pg.
import express from 'express';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });
await pool.query('CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, payload jsonb NOT NULL)');

const echo = express();
echo.use(express.json({ limit: '1mb' }));
echo.post('/echo', (req, res) => {
  res.json(req.body);
});

const insert = express();
insert.use(express.json({ limit: '1mb' }));
insert.post('/insert', async (req, res) => {
  const { rows } = await pool.query('INSERT INTO bench_baseline (payload) VALUES ($1) RETURNING id', [req.body]);
  res.json({ id: rows[0].id });
});

const a = echo.listen(Number(process.env.BENCH_PORT_A), '127.0.0.1');
const b = insert.listen(Number(process.env.BENCH_PORT_B), '127.0.0.1');
await Promise.all([new Promise((r) => a.once('listening', r)), new Promise((r) => b.once('listening', r))]);
process.send?.('ready');
process.on('SIGTERM', () => {
  a.close();
  b.close();
  void pool.end().then(() => process.exit(0));
});
