import { registerEnumType } from "type-graphql";

/** Which way a list is sorted. */
export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}

registerEnumType(OrderDirection, {
  name: "OrderDirection",
  description: "Which way a list is sorted.",
  valuesConfig: {
    ASC: { description: "Ascending: earliest, smallest or A first." },
    DESC: { description: "Descending: latest, largest or Z first." },
  },
});
