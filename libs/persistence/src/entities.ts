/** Every TypeORM entity. Listed explicitly: the app, the CLI and the tests see the same model. */
export const ENTITIES: Function[] = [];
