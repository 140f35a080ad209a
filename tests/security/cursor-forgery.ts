/**
 * Forged cursors generated from a valid one: its encoding broken (truncated, re-encoded, not base64, trailing
 * bytes), its JSON fields each replaced by a value of the wrong type or range, dropped or joined by an extra one,
 * or, for a `prefix:number` cursor, its number replaced. `mustRefuse` marks those no list may accept whatever its
 * format; the rest ("zzz" where a title is the sort key, a truncation that still reads) may be valid positions.
 */
export interface Forgery {
  label: string;
  cursor: string;
  mustRefuse: boolean;
}

const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

/** Raw JSON tokens no cursor field takes (a number, a boolean, an object, an array), and null. */
const RAW_TOKENS = ["null", "1e999", "true", "{}", '[["x"]]'];

/** Strings that are no date, timestamp, rank, slug or order name of any list, or that PostgreSQL cannot hold. */
const STRINGS = [
  "not-a-date",
  "2026-02-30",
  "0000-01-01",
  "zzz",
  "1.2.3",
  "1e999",
  "1e-999",
  "-1",
  "",
  "9".repeat(300),
  "\ud800",
];

function encodingForgeries(valid: string, decoded: string): Forgery[] {
  const forgeries: Forgery[] = [
    { label: "empty", cursor: "", mustRefuse: true },
    { label: "not base64", cursor: "!!!!", mustRefuse: true },
    { label: "percent signs", cursor: "%%%%%%", mustRefuse: true },
    { label: "trailing byte", cursor: base64url(`${decoded}x`), mustRefuse: true },
    { label: "NUL in the middle", cursor: base64url(`${decoded.slice(0, 4)}\u0000${decoded.slice(4)}`), mustRefuse: true },
    { label: "JSON object", cursor: base64url('{"order":"x"}'), mustRefuse: true },
    { label: "JSON null", cursor: base64url("null"), mustRefuse: true },
    { label: "JSON string", cursor: base64url(JSON.stringify(decoded)), mustRefuse: true },
    { label: "JSON numbers", cursor: base64url("[1,2,3]"), mustRefuse: true },
    { label: "deep arrays", cursor: base64url("[[[[[[[[[[]]]]]]]]]]"), mustRefuse: true },
    { label: "standard base64 with padding", cursor: Buffer.from(decoded).toString("base64"), mustRefuse: false },
    { label: "leading space", cursor: base64url(` ${decoded}`), mustRefuse: false },
    { label: "reversed", cursor: [...valid].reverse().join(""), mustRefuse: false },
    { label: "junk appended", cursor: `${valid}!!`, mustRefuse: false },
  ];
  for (const length of [1, Math.floor(valid.length / 2), valid.length - 1]) {
    forgeries.push({ label: `truncated to ${length}`, cursor: valid.slice(0, length), mustRefuse: false });
  }
  return forgeries;
}

/** `[order, key, tie]` with one field replaced, dropped, or an extra one added. */
function fieldForgeries(fields: unknown[]): Forgery[] {
  const forgeries: Forgery[] = [];
  const withField = (index: number, raw: string) =>
    `[${fields.map((field, position) => (position === index ? raw : JSON.stringify(field))).join(",")}]`;
  fields.forEach((field, index) => {
    for (const raw of RAW_TOKENS) {
      // Only the sort value may be null (a meeting with no date); no field is ever a number, boolean or structure.
      const mustRefuse = !(raw === "null" && index === 1);
      forgeries.push({ label: `field ${index} = ${raw}`, cursor: base64url(withField(index, raw)), mustRefuse });
    }
    // Any other text in the order's name is refused by the same check: two stand for all of them.
    for (const text of index === 0 ? ["zzz", ""] : STRINGS) {
      forgeries.push({
        label: `field ${index} = ${JSON.stringify(text.slice(0, 20))}`,
        cursor: base64url(withField(index, JSON.stringify(text))),
        mustRefuse: index === 0,
      });
    }
    const original = typeof field === "string" ? field : "";
    for (const text of [`${original}\u0000`, `\u0000${original}`]) {
      forgeries.push({
        label: `field ${index} with NUL`,
        cursor: base64url(withField(index, JSON.stringify(text))),
        mustRefuse: true,
      });
    }
    const dropped = fields.filter((_, position) => position !== index);
    forgeries.push({ label: `field ${index} dropped`, cursor: base64url(JSON.stringify(dropped)), mustRefuse: true });
  });
  forgeries.push({ label: "extra field", cursor: base64url(JSON.stringify([...fields, "extra"])), mustRefuse: true });
  return forgeries;
}

/** `prefix:number` (the change history's form) with the number out of type or range. */
function numberForgeries(prefix: string): Forgery[] {
  const refused = [
    "",
    "-1",
    "0",
    "abc",
    "1.5",
    "9999999999",
    "2147483648",
    "99999999999999999999",
    "1e3",
    " 1",
    "1\u0000",
    "\uff11",
  ];
  const forgeries = refused.map((text) => ({
    label: `${prefix}:${JSON.stringify(text)}`,
    cursor: base64url(`${prefix}:${text}`),
    mustRefuse: true,
  }));
  forgeries.push({ label: "other prefix", cursor: base64url("other:1"), mustRefuse: true });
  forgeries.push({ label: "upper-case prefix", cursor: base64url(`${prefix.toUpperCase()}:1`), mustRefuse: true });
  forgeries.push({ label: "largest int id", cursor: base64url(`${prefix}:2147483647`), mustRefuse: false });
  return forgeries;
}

/**
 * Every forgery of one valid cursor (as a list answered it); `encoding: false` leaves out the broken encodings
 * (for a second argument decoded by the same code, e.g. `before` after `after`).
 */
export function forgeCursors(valid: string, options: { encoding?: boolean } = {}): Forgery[] {
  const decoded = Buffer.from(valid, "base64url").toString("utf8");
  const forgeries = options.encoding === false ? [] : encodingForgeries(valid, decoded);
  let fields: unknown = null;
  try {
    fields = JSON.parse(decoded);
  } catch {
    fields = null;
  }
  if (Array.isArray(fields)) forgeries.push(...fieldForgeries(fields));
  const prefixed = /^([a-z]+):\d+$/.exec(decoded);
  if (prefixed) forgeries.push(...numberForgeries(prefixed[1]));
  if (!Array.isArray(fields) && !prefixed) throw new Error(`a cursor of unknown form: ${decoded}`);
  return forgeries;
}
