import DataLoader from "dataloader";

/**
 * DataLoaders that differ by an argument (e.g. `members(asOf:)`): one loader per distinct argument
 * value, so each batch is still one SQL statement built for exactly that argument.
 */
export class LoaderFamily<Arg, Key, Value> {
  private readonly loaders = new Map<string, DataLoader<Key, Value>>();

  constructor(
    private readonly batch: (arg: Arg, keys: readonly Key[]) => Promise<Value[]>,
    private readonly argKey: (arg: Arg) => string = (arg) => JSON.stringify(arg ?? null),
  ) {}

  load(arg: Arg, key: Key): Promise<Value> {
    return this.loaderFor(arg).load(key);
  }

  /** Stores a value fetched by other means, so `load(arg, key)` returns it without a batch. */
  prime(arg: Arg, key: Key, value: Value): void {
    this.loaderFor(arg).prime(key, value);
  }

  loadMany(arg: Arg, keys: readonly Key[]): Promise<(Value | Error)[]> {
    return this.loaderFor(arg).loadMany(keys);
  }

  private loaderFor(arg: Arg): DataLoader<Key, Value> {
    const cacheKey = this.argKey(arg);
    let loader = this.loaders.get(cacheKey);
    if (!loader) {
      loader = new DataLoader<Key, Value>((keys) => this.batch(arg, keys));
      this.loaders.set(cacheKey, loader);
    }
    return loader;
  }
}
