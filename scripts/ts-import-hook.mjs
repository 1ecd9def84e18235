// Lets a script import the project's TypeScript modules: Node 24 strips their types, and this hook maps the `.js` of
// their relative imports (NodeNext style) to the `.ts` beside it. Import it before the first `await import(...)`.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (err) {
      if (specifier.startsWith('.') && specifier.endsWith('.js')) return next(`${specifier.slice(0, -3)}.ts`, context);
      throw err;
    }
  },
});
