// The test call's speech button: the browser's own speech recognizer (Web Speech API), where there is one.
// Without it (Firefox, most headless browsers) the page offers typing only.
const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
let current = null;

export function supported() {
  return !!Recognition;
}

export function listen(caller, language) {
  if (!Recognition) {
    return false;
  }

  stop();
  const recognition = new Recognition();
  recognition.lang = language || "en-US";
  recognition.interimResults = false;
  recognition.maxAlternatives = 1;
  recognition.onresult = event => {
    const best = event.results[0][0];
    caller.invokeMethodAsync("Heard", best.transcript, best.confidence || 0);
  };
  recognition.onerror = event => caller.invokeMethodAsync("NotHeard", event.error || "error");
  recognition.onend = () => {
    current = null;
    caller.invokeMethodAsync("Stopped");
  };
  current = recognition;
  recognition.start();
  return true;
}

export function stop() {
  if (current) {
    current.abort();
    current = null;
  }
}
