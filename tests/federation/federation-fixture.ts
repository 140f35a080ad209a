import type { DataSource } from "typeorm";

/**
 * Two states and a coalition with `meetingCount` numbered meetings (`meeting-001`...), the first two
 * with participants. Plain SQL so federation tests depend only on the migrations.
 */
export async function insertFederationFixture(dataSource: DataSource, meetingCount = 3): Promise<void> {
  await dataSource.query(`
    INSERT INTO state (code, name) VALUES ('FR', '{"en":"France"}'), ('GB', '{"en":"United Kingdom"}');
    INSERT INTO coalition (slug, name) VALUES ('coalition-of-the-willing', '{"en":"Coalition of the Willing"}');
    INSERT INTO official (slug, name) VALUES ('fabien-mandon', '{"en":"Fabien Mandon"}'), ('tony-radakin', '{"en":"Tony Radakin"}');
  `);
  await dataSource.query(
    `INSERT INTO meeting (slug, title, date, status, coalition_id)
       SELECT format('meeting-%s', lpad(n::text, 3, '0')), jsonb_build_object('en', format('Meeting %s', n)),
              DATE '2026-01-01' + n, 'HELD', (SELECT id FROM coalition)
       FROM generate_series(1, $1) AS n ORDER BY n`,
    [meetingCount],
  );
  await dataSource.query(`
    INSERT INTO participant (meeting_id, official_id, representing_state_id, role)
      SELECT m.id, o.id, s.id, p.role FROM (VALUES
        ('meeting-001', 'fabien-mandon', 'FR', 'HOST'), ('meeting-001', 'tony-radakin', 'GB', 'PARTICIPANT'),
        ('meeting-002', 'tony-radakin', 'GB', 'HOST')) AS p(meeting, official, code, role)
      JOIN meeting m ON m.slug = p.meeting JOIN official o ON o.slug = p.official JOIN state s ON s.code = p.code;
  `);
}
