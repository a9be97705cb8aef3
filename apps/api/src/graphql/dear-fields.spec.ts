import { execute, GraphQLInt, GraphQLObjectType, GraphQLSchema, parse } from 'graphql';
import { DEAR_FIELDS_PER_CALLER, limitDearFields } from './dear-fields.js';

/** A schema with one dear field (a search's weight) and one plain field, both counting how many resolve at once. */
function countingSchema() {
  const peaks = { dear: 0, plain: 0 };
  const counted = (kind: keyof typeof peaks) => {
    let running = 0;
    return async () => {
      running++;
      peaks[kind] = Math.max(peaks[kind], running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      return 1;
    };
  };
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        dear: { type: GraphQLInt, extensions: { complexity: 100 }, resolve: counted('dear') },
        plain: { type: GraphQLInt, resolve: counted('plain') },
      },
    }),
  });
  return { schema: limitDearFields(schema), peaks };
}

const anonymous = (ip: string) => ({ principal: () => Promise.resolve(null), reply: { request: { ip } } });
const aliased = (field: string) => `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('limitDearFields', () => {
  it("runs one caller's dear fields a few at a time, and plain fields all at once", async () => {
    const { schema, peaks } = countingSchema();
    const [dear, plain] = await Promise.all([
      execute({ schema, document: parse(aliased('dear')), contextValue: anonymous('10.0.0.1') }),
      execute({ schema, document: parse(aliased('plain')), contextValue: anonymous('10.0.0.1') }),
    ]);
    expect(dear.data).toEqual(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`a${i}`, 1])));
    expect(plain.errors).toBeUndefined();
    expect(peaks).toEqual({ dear: DEAR_FIELDS_PER_CALLER, plain: 6 });
  });

  it('does not make one caller wait for another', async () => {
    const { schema, peaks } = countingSchema();
    await Promise.all(
      ['10.0.0.1', '10.0.0.2'].map(async (ip) =>
        execute({ schema, document: parse(aliased('dear')), contextValue: anonymous(ip) }),
      ),
    );
    expect(peaks.dear).toBe(2 * DEAR_FIELDS_PER_CALLER);
  });
});
