// The holiday calendar shipped with Huiqi (seeders/data/public-holidays.json). Days already present are left as an
// administrator may have corrected them.
import fs from 'node:fs';
import type { Database } from '../server/db/connection.ts';

type Day = { day: string; kind: 'holiday' | 'workday'; nameZh: string; nameEn: string; source: string };

export async function seedPublicHolidays(db: Pick<Database, 'sequelize'>): Promise<void> {
  const { days } = JSON.parse(fs.readFileSync(new URL('./data/public-holidays.json', import.meta.url), 'utf8')) as { days: Day[] };
  await db.sequelize.query(
    `INSERT INTO public_holidays (day, kind, name_zh, name_en, source)
     SELECT d.day::date, d.kind, d."nameZh", d."nameEn", d.source FROM json_to_recordset(:days::json)
       AS d(day text, kind text, "nameZh" text, "nameEn" text, source text)
     ON CONFLICT (day) DO NOTHING`,
    { replacements: { days: JSON.stringify(days) } },
  );
}
