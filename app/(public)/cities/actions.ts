"use server";

import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run";
import { followCity, unfollowCity, type FollowState } from "@/lib/dal/cities/follows";
import { followSchema } from "@/lib/validation/follow";

export async function followAction(input: unknown): Promise<ActionResult<FollowState>> {
  return runAction(followSchema, input, ({ city }) => followCity(city));
}

export async function unfollowAction(input: unknown): Promise<ActionResult<FollowState>> {
  return runAction(followSchema, input, ({ city }) => unfollowCity(city));
}
