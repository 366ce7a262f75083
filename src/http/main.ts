// `npm run serve:http`: the interactions endpoint whatever MODE says in .env (dotenv never
// overrides a variable that is already set). Everything else is `npm start`'s start-up.
process.env.MODE = "http";
await import("../main.js");
