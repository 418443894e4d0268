// Spec names (`staff_id`, `record-labels`) as TypeScript names.
export const camel = (name: string) => name.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
export const pascal = (name: string) => camel(name).charAt(0).toUpperCase() + camel(name).slice(1);
