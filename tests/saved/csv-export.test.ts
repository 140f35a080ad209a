import assert from "node:assert/strict";
import { test } from "node:test";
import { findFirstList, listAtPath, toCsv } from "../../src/saved-queries/csv-export";

test("fields with commas, quotes and line breaks are quoted, quotes doubled, lines end with CRLF (RFC 4180)", () => {
  const csv = toCsv([{ title: 'Paris, "chiefs"', note: "two\nlines", count: 2, missing: null }]);
  assert.equal(csv, 'title,note,count,missing\r\n"Paris, ""chiefs""","two\nlines",2,\r\n');
});

test("nested objects become dotted columns; nested lists join their values; rows missing a column leave it empty", () => {
  const csv = toCsv([
    { slug: "a", location: { country: { code: "FR" } }, participants: [{ slug: "x" }, { slug: "y" }] },
    { slug: "b", location: null, participants: [] },
  ]);
  assert.equal(csv, "slug,location.country.code,participants.slug\r\na,FR,x; y\r\nb,,\r\n");
});

test("the first list is found depth-first; path= names another one", () => {
  const data = { coalition: { slug: "c", meetings: { nodes: [{ slug: "m" }] } }, states: { nodes: [{ code: "FR" }] } };
  assert.deepEqual(findFirstList(data), { path: "coalition.meetings.nodes", items: [{ slug: "m" }] });
  assert.deepEqual(listAtPath(data, "states.nodes"), [{ code: "FR" }]);
  assert.equal(listAtPath(data, "states.missing"), null);
});

test("cells that could start a formula get a leading ' (OWASP); a cell of one number stays a number", () => {
  const csv = toCsv([{ text: "=1+1", negative: -3, negativeText: "-3", list: [-1, 2], at: "@x", tab: "\t=x", fine: "a = b" }]);
  assert.equal(csv, "text,negative,negativeText,list,at,tab,fine\r\n'=1+1,-3,'-3,'-1; 2,'@x,'\t=x,a = b\r\n");
});
