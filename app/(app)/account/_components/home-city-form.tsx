"use client";

import { CitySelect, type CityOption } from "@/components/forms/city-select";
import { Field } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { homeCitySchema, type HomeCityInput } from "@/lib/validation/account";
import { setHomeCityAction } from "../actions";
import { Section } from "./section";

type Props = { homeCity: string; cities: CityOption[] };

export function HomeCityForm({ homeCity, cities }: Props) {
  const { form, state, pending, action, formProps, errorOf, valueOf } =
    useActionForm<HomeCityInput>(homeCitySchema, setHomeCityAction);
  return (
    <Section id="home-city-section" title="Home city">
      <form action={action} {...formProps} className="flex flex-col gap-4">
        <FormAlert error={state.formError} success={state.notice} />
        <Field id="homeCity" label="Home city" error={errorOf("homeCity")}>
          {(aria) => (
            <CitySelect
              {...aria}
              {...form.register("homeCity")}
              defaultValue={valueOf("homeCity", homeCity)}
              cities={cities}
            />
          )}
        </Field>
        <div>
          <SubmitButton pending={pending} pendingText="Saving…">
            Save home city
          </SubmitButton>
        </div>
      </form>
    </Section>
  );
}
