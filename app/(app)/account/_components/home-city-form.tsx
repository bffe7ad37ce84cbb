"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyResult } from "@/components/forms/apply-result";
import { CitySelect, type CityOption } from "@/components/forms/city-select";
import { Field } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { homeCitySchema, type HomeCityInput } from "@/lib/validation/account";
import { setHomeCityAction } from "../actions";
import { Section } from "./section";

type Props = { homeCity: string; cities: CityOption[] };

export function HomeCityForm({ homeCity, cities }: Props) {
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const { register, handleSubmit, setError, formState } = useForm<HomeCityInput>({
    resolver: zodResolver(homeCitySchema),
    defaultValues: { homeCity },
  });
  const onSubmit = handleSubmit(async (values) => {
    setStatus({});
    const result = await setHomeCityAction(values);
    if (!result.ok) return setStatus({ error: applyResult(result, setError) });
    setStatus({ success: "Your home city was saved." });
  });
  return (
    <Section id="home-city-section" title="Home city">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormAlert {...status} />
        <Field id="homeCity" label="Home city" error={formState.errors.homeCity?.message}>
          {(aria) => <CitySelect {...aria} {...register("homeCity")} cities={cities} />}
        </Field>
        <div>
          <SubmitButton pending={formState.isSubmitting} pendingText="Saving…">
            Save home city
          </SubmitButton>
        </div>
      </form>
    </Section>
  );
}
