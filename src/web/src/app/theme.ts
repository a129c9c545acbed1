import { InputWrapper, createTheme } from '@mantine/core';

/** Hearth's Mantine theme: warm primary colour, system fonts. */
export const theme = createTheme({
  primaryColor: 'orange',
  defaultRadius: 'md',
  components: {
    // Inputs keep their `required` attribute, but labels stay exactly their text: the asterisk
    // would become part of the label that assistive technology and tests match on.
    InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
  },
});
