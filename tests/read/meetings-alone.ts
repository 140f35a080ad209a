import { countedQuery } from "../support/counted-query";
import type { TestServer } from "../support/server";

/** A meeting as a test reads it back: its slug and whatever else the selection named. */
export type MeetingNode = { slug: string } & Record<string, unknown>;

/**
 * The same selection for each meeting asked alone through `meeting(slug:)`, which is never projected nor
 * looked ahead: the field-by-field answer that page answers are compared with. `$lang` is declared when
 * the selection uses it.
 */
export async function meetingsAlone(
  server: TestServer,
  slugs: string[],
  selection: string,
  variables: Record<string, unknown> = {},
): Promise<MeetingNode[]> {
  const usesLang = selection.includes("$lang");
  const variableList = usesLang ? "($slug: String!, $lang: String)" : "($slug: String!)";
  const answers = await Promise.all(
    slugs.map((slug) =>
      countedQuery<{ meeting: MeetingNode }>(server, `query ${variableList} { meeting(slug: $slug) { ${selection} } }`, {
        ...(usesLang ? variables : {}),
        slug,
      }),
    ),
  );
  return answers.map((answer) => answer.data.meeting);
}
