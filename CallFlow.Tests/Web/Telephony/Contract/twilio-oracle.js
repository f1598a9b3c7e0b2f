// Twilio's official Node helper library as an oracle for CallFlow's signature code.
// Reads {"authToken", "cases": [{"url", "params", "signature", "body"}]} on stdin and writes, per case, the signature
// the library expects and whether it accepts the signature CallFlow computed.
"use strict";
const twilio = require("twilio");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { authToken, cases } = JSON.parse(input);
  const results = cases.map((c) =>
    c.body === undefined || c.body === null
      ? {
          expected: twilio.getExpectedTwilioSignature(authToken, c.url, c.params),
          accepts: twilio.validateRequest(authToken, c.signature || "", c.url, c.params),
        }
      : {
          expected: twilio.getExpectedTwilioSignature(authToken, c.url, {}),
          bodyHash: require("twilio/lib/webhooks/webhooks").getExpectedBodyHash(c.body),
          accepts: twilio.validateRequestWithBody(authToken, c.signature || "", c.url, c.body),
        }
  );
  process.stdout.write(JSON.stringify(results));
});
