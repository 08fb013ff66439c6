import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiError, apiJson, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { normalizeTransitionBody, transitionBodySchema, type TransitionAction, type TransitionBody } from "~/api/transitions";
import { requireApiUser } from "~/auth/api-auth.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import type { CommandResult } from "~/commands/command.server";
import { certifyDevice } from "~/commands/devices/certify-device.server";
import { collectDevice } from "~/commands/devices/collect-device.server";
import { handOverDevice } from "~/commands/devices/hand-over-device.server";
import { listDevice } from "~/commands/devices/list-device.server";
import { recycleDevice } from "~/commands/devices/recycle-device.server";
import { releaseDevice } from "~/commands/devices/release-device.server";
import { returnDevice } from "~/commands/devices/return-device.server";
import { signHandover } from "~/commands/devices/sign-handover.server";
import type { UserActor } from "~/domain/lifecycle";
import { can } from "~/domain/permissions";
import { apiRefusal } from "~/http/refusal-replies.server";
import type { DeviceDetail } from "~/models/device.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

type BodyOf = { [Body in TransitionBody as Body["action"]]: Body };
type TransitionArgs<Action extends TransitionAction> = { actor: UserActor; deviceId: number; body: BodyOf[Action] };

function answer(result: CommandResult<DeviceDetail>): Response {
  return result.ok ? apiJson(result.value) : apiRefusal(result);
}

function recordHandover({ actor, deviceId, body }: TransitionArgs<"handover">) {
  return answer(handOverDevice(actor, { deviceId, signedBy: body.signedBy }));
}

/** The recipient at the counter: the device must be ready for pickup, and the code is the one the technician gave. */
function signForDevice({ actor, deviceId, body }: TransitionArgs<"handover">) {
  const result = signHandover(actor, { deviceIds: [deviceId], signedBy: body.signedBy, pickupCode: body.pickupCode ?? "" });
  return result.ok ? apiJson(result.value[0]) : apiRefusal(result);
}

/** One handler per action, each calling its one command. */
const handlers: { [Action in TransitionAction]: (args: TransitionArgs<Action>) => Response } = {
  collect: ({ actor, deviceId }) => answer(collectDevice(actor, { deviceId })),
  certify: ({ actor, deviceId }) => answer(certifyDevice(actor, { deviceId })),
  list: ({ actor, deviceId, body }) => answer(listDevice(actor, { deviceId, grade: body.grade })),
  reserve: () => apiError(409, "use_matching", "Reserve a device by confirming a match: POST /api/v1/matching/confirm."),
  release: ({ actor, deviceId, body }) => answer(releaseDevice(actor, { deviceId, reason: body.reason })),
  // Whoever the permission table lets sign for their own reservation signs; anyone else records a representative's signature.
  handover: (args) =>
    can({ role: args.actor.role, organizationStatus: args.actor.organizationStatus }, "handover.sign") ? signForDevice(args) : recordHandover(args),
  return: ({ actor, deviceId, body }) => answer(returnDevice(actor, { deviceId, reason: body.reason })),
  recycle: ({ actor, deviceId, body }) => answer(recycleDevice(actor, { deviceId, recyclerId: body.recyclerId, certificateNumber: body.certificateNumber })),
};

function transition<Action extends TransitionAction>(action: Action, args: TransitionArgs<Action>): Response {
  return handlers[action](args);
}

/** POST /api/v1/devices/:id/transitions with {"action": ..., ...details}. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const actor = lifecycleActorOf(requireApiUser(request));
  const body = await parseJsonBody(request, z.preprocess(normalizeTransitionBody, transitionBodySchema));
  return transition(body.action, { actor, deviceId: Number(params.id), body });
}
