import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLError } from "graphql";
import { ErrorCode } from "../errors";

/**
 * graphql-js reports an unknown key in an inline input literal (`filter: { colour: "red" }`) as a validation error
 * (`Field "colour" is not defined by type "MeetingFilter".`, GRAPHQL_VALIDATION_FAILED), while the same key in a
 * variable is a BAD_USER_INPUT coercion error. This plugin makes both BAD_USER_INPUT, so a client sees one code
 * for "your input has a key the schema does not know", with the key and the input type named in the message and
 * in `extensions.problems`. Output-field typos (`Cannot query field ...`) stay validation errors.
 */
const UNKNOWN_INPUT_FIELD = /^Field "([^"]+)" is not defined by type "([^"]+)"\./;

export function unknownInputFieldPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) reclassifyUnknownInputField(error);
        },
      };
    },
  };
}

function reclassifyUnknownInputField(error: GraphQLError): void {
  if (error.extensions.code !== "GRAPHQL_VALIDATION_FAILED") return;
  const match = UNKNOWN_INPUT_FIELD.exec(error.message);
  if (!match) return;
  error.extensions.code = ErrorCode.BAD_USER_INPUT;
  error.extensions.problems = [{ path: match[1], message: `unknown field "${match[1]}" of input type ${match[2]}` }];
}
