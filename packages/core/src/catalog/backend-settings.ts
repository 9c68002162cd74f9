import type { BackendDescriptor, BackendOptionValues } from './backend-descriptor.js';

/** One descriptor in one setting of all its options, e.g. cpu with precision float32. */
export interface BackendSetting {
  readonly descriptor: BackendDescriptor;
  readonly options: BackendOptionValues;
}

/**
 * Every setting of `descriptor`'s options (each option's values, the first
 * option varying slowest), in the order help texts and selects list them.
 */
export function backendSettings(descriptor: BackendDescriptor): BackendSetting[] {
  let settings: Record<string, string>[] = [{}];
  for (const option of descriptor.options) {
    settings = settings.flatMap((setting) =>
      option.values.map((value) => ({ ...setting, [option.name]: value })),
    );
  }
  return settings.map((options) => ({ descriptor, options }));
}

/** The descriptor's defaults, overridden by `options`. */
export function withDefaults(
  descriptor: BackendDescriptor,
  options: BackendOptionValues = {},
): BackendOptionValues {
  const values: Record<string, string> = {};
  for (const option of descriptor.options)
    values[option.name] = options[option.name] ?? option.default;
  return values;
}

/** A setting's name for people: the id, then each option's value, e.g. 'gpujs webasm'. */
export function settingName(setting: BackendSetting): string {
  const values = withDefaults(setting.descriptor, setting.options);
  return [setting.descriptor.id, ...setting.descriptor.options.map((o) => values[o.name])].join(
    ' ',
  );
}
