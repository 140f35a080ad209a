import { ObjectType } from "type-graphql";
import { SavedQuery } from "../entities/saved-query.entity";
import { Connection } from "./connection";

@ObjectType("SavedQueryConnection", { description: "A page of saved queries, by name." })
export class SavedQueryConnection extends Connection(SavedQuery, "SavedQuery") {}
