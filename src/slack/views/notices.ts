// Short answers the pipeline gives when a listener cannot: out-of-date buttons and forms, failures.

export const OUT_OF_DATE =
  "That button or form is from an older message, so I didn't change anything. Type `/coach help` to pick up where you are.";

export const SAVE_FAILED =
  'Something went wrong on my side and this was not saved. Press *Back*: everything you typed is still there, so you can submit it again.';

export const SOMETHING_WENT_WRONG =
  'Something went wrong on my side and nothing changed. Please try again in a moment, or type `/coach help`.';
