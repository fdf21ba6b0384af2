// The plan's targets shipped with Huiqi (seeders/data/plan-targets.json, from shared/policy/plan-targets.md). A target
// already present is left as an administrator may have corrected it.
import fs from 'node:fs';
import type { Database } from '../server/db/connection.ts';

type Target = { id: string; targetZh: string; targetEn: string; valueZh: string; valueEn: string; goal: number | null; unit: string; level: string; metric: string | null };

export async function seedPlanTargets(db: Pick<Database, 'sequelize'>): Promise<void> {
  const { targets } = JSON.parse(fs.readFileSync(new URL('./data/plan-targets.json', import.meta.url), 'utf8')) as { targets: Target[] };
  await db.sequelize.query(
    `INSERT INTO plan_targets (id, target_zh, target_en, value_zh, value_en, goal, unit, level, metric, sort_order)
     SELECT t.id, t."targetZh", t."targetEn", t."valueZh", t."valueEn", t.goal, t.unit, t.level, t.metric, row_number() OVER ()
       FROM json_to_recordset(:targets::json)
         AS t(id text, "targetZh" text, "targetEn" text, "valueZh" text, "valueEn" text, goal numeric, unit text, level text, metric text)
     ON CONFLICT (id) DO NOTHING`,
    { replacements: { targets: JSON.stringify(targets) } },
  );
}
