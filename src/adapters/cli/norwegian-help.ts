/**
 * Commander's help and parse errors in Norwegian. Commander writes its headings and messages in
 * English and offers no locale; its style hooks see every heading and placeholder, and its error
 * output passes through configureOutput, so both are translated there.
 */
import type { Command, Help, Option } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': 'Bruk:',
  'Options:': 'Valg:',
  'Arguments:': 'Argumenter:',
  'Commands:': 'Kommandoer:',
  'Global Options:': 'Felles valg:',
};

const ERRORS: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown command '(.*)'/, (c = '') => `ukjent kommando «${c}». Se styr --help.`],
  [/^error: unknown option '(.*)'/, (o = '') => `ukjent valg «${o}». Se --help for kommandoen.`],
  [/^error: missing required argument '(.*)'/, (a = '') => `mangler argumentet «${a}».`],
  [/^error: required option '(.*)' not specified/, (o = '') => `valget ${o} må oppgis.`],
  [/^error: option '(.*)' argument missing/, (o = '') => `valget ${o} mangler en verdi.`],
  [/^error: too many arguments/, () => 'for mange argumenter. Se --help for kommandoen.'],
];

/** A Commander error line in Norwegian; lines it does not recognise pass unchanged. */
export function norwegianError(message: string): string {
  const text = message.trim();
  for (const [re, say] of ERRORS) {
    const m = re.exec(text);
    if (!m) continue;
    const hint = /\(Did you mean (.*)\?\)/.exec(text);
    return `styr: ${say(...m.slice(1))}${hint ? ` Mente du ${hint[1]}?` : ''}\n`;
  }
  return message;
}

/** Apply before adding commands: subcommands copy these settings when they are created. */
export function useNorwegianHelp(program: Command): Command {
  return program
    .helpOption('-h, --help', 'vis hjelp for kommandoen')
    .helpCommand('help [kommando]', 'vis hjelp for en kommando')
    .configureHelp({
      styleTitle: (s: string) => TITLES[s] ?? s,
      styleOptionText: (s: string) => (s === '[options]' ? '[valg]' : s),
      styleSubcommandText: (s: string) => (s === '[command]' ? '[kommando]' : s),
      optionDescription(this: Help, option: Option) {
        const shown = option.defaultValue !== undefined && (option.required || option.optional);
        const value = option.defaultValueDescription ?? String(option.defaultValue);
        return shown ? `${option.description} (standard: ${value})` : option.description;
      },
    });
}
