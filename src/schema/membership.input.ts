import { Field, InputType } from "type-graphql";
import { MembershipRole } from "../entities/enums";
import "./enums";
import { CitationInput } from "./citation.input";
import { DateScalar } from "./scalars";

@InputType("MembershipInput", { description: "A state's membership of a coalition over a period." })
export class MembershipInput {
  @Field(() => String, { description: "The member state's code (it must exist)." })
  state: string;

  @Field(() => MembershipRole, { nullable: true, description: "The state's role in the coalition; MEMBER when left out." })
  role?: MembershipRole | null;

  @Field(() => DateScalar, { nullable: true, description: "When the membership began (null: unknown or from the start)." })
  since?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it ended (null: still a member)." })
  until?: string | null;

  @Field(() => [CitationInput], { nullable: true, description: "Sources for the membership." })
  sources?: CitationInput[] | null;
}
