import { embeddingText } from './embedding-text';

describe('embeddingText', () => {
  it('joins the title, the category path root first and the description', () => {
    expect(embeddingText({ title: 'Aurelia K2 kettle', categoryNames: ['Kitchen', 'Small appliances', 'Kettles'], description: 'Boils 1.7 l.' })).toBe(
      'Aurelia K2 kettle. Kitchen > Small appliances > Kettles. Boils 1.7 l.',
    );
  });

  it('leaves out what is empty, so a product without a description reads the same as before it had none', () => {
    expect(embeddingText({ title: ' Lamp ', categoryNames: [], description: '  ' })).toBe('Lamp');
    expect(embeddingText({ title: null, categoryNames: ['Home'], description: 'Warm light.' })).toBe('Home. Warm light.');
  });
});
