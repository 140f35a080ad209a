import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Citation } from "../entities/citation.entity";
import { Meeting } from "../entities/meeting.entity";
import { Official } from "../entities/official.entity";
import { Source } from "../entities/source.entity";
import { Statement } from "../entities/statement.entity";
import { CreateStatementInput, UpdateStatementInput } from "../schema/statement.input";
import { RecordResolver } from "./record.resolver";
import { RecordMutations } from "./record-mutations";
import { required } from "./required";

@Resolver(() => Statement)
export class StatementResolver extends RecordResolver(Statement, "Statement") {
  @FieldResolver(() => Official, { description: "Who said it." })
  async official(@Root() statement: Statement, @Ctx() context: RequestContext): Promise<Official> {
    return required(await context.loaders.records.byId(Official).load(statement.officialId), "Official", statement.officialId);
  }

  @FieldResolver(() => Meeting, { nullable: true, description: "The meeting it was said at, if any." })
  meeting(@Root() statement: Statement, @Ctx() context: RequestContext): Promise<Meeting | null> {
    return statement.meetingId === null ? Promise.resolve(null) : context.loaders.records.byId(Meeting).load(statement.meetingId);
  }

  @FieldResolver(() => Source, { nullable: true, description: "The source that reports the statement, if recorded." })
  source(@Root() statement: Statement, @Ctx() context: RequestContext): Promise<Source | null> {
    return statement.sourceId === null ? Promise.resolve(null) : context.loaders.records.byId(Source).load(statement.sourceId);
  }

  @FieldResolver(() => [Citation], { description: "Further sources cited for the statement, with the passages quoted." })
  sources(@Root() statement: Statement, @Ctx() context: RequestContext): Promise<Citation[]> {
    return context.loaders.citations.statement.load(statement.id);
  }
}

export const StatementMutationResolver = RecordMutations("Statement", {
  entity: Statement,
  create: CreateStatementInput,
  update: UpdateStatementInput,
  key: { name: "id", description: "the statement's global id" },
  deleteDescription: "Deletes a Statement. Its citations go with it.",
});
