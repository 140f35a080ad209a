import { Field, InputType } from "type-graphql";
import { Attendance, ParticipantRole } from "../entities/enums";
import "./enums";

@InputType("ParticipantInput", { description: "An official's part in a meeting." })
export class ParticipantInput {
  @Field(() => String, { description: "The official's slug (it must exist); an official takes part once per meeting." })
  official: string;

  @Field(() => String, { nullable: true, description: "The code of the state they represented (it must exist)." })
  representing?: string | null;

  @Field(() => ParticipantRole, { nullable: true, description: "Their role; PARTICIPANT when left out." })
  role?: ParticipantRole | null;

  @Field(() => Attendance, { nullable: true, description: "Whether they attended in person or remotely." })
  attendance?: Attendance | null;
}
