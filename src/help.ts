// The one help text, shared by the terminal prompt, /help and DMs.
export const HELP_TEXT = `Ask about the documents; every answer cites the file and line that proves it.

  /who-said quote:<words>          who said it (speaker, role, the quote, the line)
  /when event:<words>              when it happened (the words as written and the date)
  /stance actor:<name> topic:<…>   an actor's stance: support, oppose, mixed or neutral
  /search query:<words>            passages that contain the words
  /sources                         the documents, their dates and sizes
  /check quote:<words> speaker:<…>  is this quotation in the documents, word for word, and whose?
  /said speaker:<name> topic:<…>   what a speaker said (their quotations, with dates)
  /timeline actor:<…> topic:<…>    dated statements and stances on a time axis (a picture)
  /help                            this text

Plain questions work too: "who said groundless accusations?", "when did the US bar Huawei?",
"what is Huawei's stance on the EU toolbox?", "what did Julian King say about bans?",
"did Wang Yi say "groundless accusations"?". Anything else is a search.`;
