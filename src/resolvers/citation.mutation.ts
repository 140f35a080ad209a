import { Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import type { RecordOf } from "../entities/record-entities";
import type { RecordTypeName } from "../records";
import { CitationInput } from "../schema/citation.input";
import { Node } from "../schema/node.interface";
import { addCitation, removeCitation } from "../writes/citation-writes";

import { writeAs } from "../writes/write-context";

/** The record that holds a citation (itself or through its memberships/positions). */
type CitingRecord = RecordOf<RecordTypeName>;

const EXPECTED_VERSION = {
  nullable: true,
  description:
    "When given, CONFLICT unless the record holding the citation (the coalition of a membership, the official of a position, " +
    "else the record itself) is still at this version. That record's version goes up by one.",
};

@ArgsType()
class AddCitationArgs {
  @Field(() => ID, { description: "The global id of the Membership, Position, Meeting, Outcome or Statement." })
  subject: string;

  @Field(() => CitationInput, { description: "The citation." })
  input: CitationInput;

  @Field(() => Int, EXPECTED_VERSION)
  expectedVersion?: number | null;
}

@ArgsType()
class RemoveCitationArgs {
  @Field(() => ID, { description: "The citation's global id." })
  citation: string;

  @Field(() => Int, EXPECTED_VERSION)
  expectedVersion?: number | null;
}

/** Nested writes on citations of memberships, positions, meetings, outcomes and statements. */
@Resolver()
export class CitationMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Node, {
    description: "Cites a source for a membership, position, meeting, outcome or statement; answers the record that holds it.",
  })
  addCitation(
    @Args(() => AddCitationArgs, { validate: false }) args: AddCitationArgs,
    @Ctx() context: RequestContext,
  ): Promise<CitingRecord> {
    return writeAs(context, (write) => addCitation(write, args.subject, args.input, args.expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Node, { description: "Removes one citation; answers the record that held it." })
  removeCitation(
    @Args(() => RemoveCitationArgs, { validate: false }) args: RemoveCitationArgs,
    @Ctx() context: RequestContext,
  ): Promise<CitingRecord> {
    return writeAs(context, (write) => removeCitation(write, args.citation, args.expectedVersion));
  }
}
