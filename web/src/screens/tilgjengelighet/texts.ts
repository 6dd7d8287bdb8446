/** Bokmål text of the accessibility statement (tilgjengelighetserklæring). Update `updated` when it changes. */
export const accessibilityTexts = {
  title: 'Tilgjengelighetserklæring',
  heading: 'Tilgjengelighetserklæring for styr',
  updated: '2026-12-04',
  updatedLabel: 'Sist oppdatert',
  intro:
    'styr skal kunne brukes av alle, også med tastatur, skjermleser, forstørrelse og på små skjermer. Løsningen skal oppfylle kravene i forskrift om universell utforming av informasjons- og kommunikasjonsteknologiske (IKT)-løsninger, som viser til WCAG 2.1 nivå A og AA.',
  standardHeading: 'Standard og status',
  standard:
    'Målet er full samsvar med WCAG 2.1 nivå A og AA. Vurderingen under bygger på automatiske kontroller som kjøres ved hver endring av koden, og på manuell gjennomgang med tastatur. Løsningen er ikke revidert av en uavhengig tredjepart.',
  checksHeading: 'Slik kontrollerer vi',
  checks: [
    'axe-core kjøres med reglene for WCAG 2.1 nivå A og AA på hvert skjermbilde, både på skrivebordsbredde og på 320 piksler bredde. Kravet er null brudd.',
    'En tastaturtest går hovedflyten bare med tastatur: hopp-til-innhold-lenken, hovedmenyen og et skjermbilde. Testen sjekker at fokus alltid er synlig og at fokus aldri blir fanget.',
    'Hvert skjermbilde kontrolleres ved 320 piksler bredde: siden skal kunne leses uten vannrett rulling (WCAG 1.4.10). Brede tabeller ruller i sin egen boks.',
    'Hver graf har en tekstlig oppsummering og de samme tallene som en tabell (WCAG 1.1.1 og 1.4.1).',
    'Status og frister vises med tekst, ikke bare med farge.',
    'Skjermbilder av hvert skjermbilde på skrivebord og mobil lagres fra hver kjøring, slik at de kan gjennomgås.',
  ],
  designHeading: 'Slik er løsningen bygget',
  design: [
    'Komponentene kommer fra Designsystemet (Digdir), som er laget for å oppfylle WCAG.',
    'Hvert skjermbilde har én hovedoverskrift, en egen sidetittel og overskrifter i riktig rekkefølge.',
    'Alle skjemafelt har synlige ledetekster. Etter en handling flyttes fokus til resultatet eller meldingen, og svar som kommer senere leses opp (aria-live).',
    'Filtre og søk ligger i nettadressen, slik at en visning kan deles og bokmerkes.',
  ],
  limitsHeading: 'Kjente begrensninger',
  limits: [
    'Grafene er tegnet som bilder. Verktøytipsene i grafene kan ikke nås med tastatur; de samme tallene finnes i tabellen under hver graf.',
    'Tekst som er hentet fra importerte dokumenter (tildelingsbrev og tillegg) vises slik den står i dokumentet, også når den bruker forkortelser eller lange setninger.',
    'Automatiske kontroller finner ikke alle problemer. Vi har ikke testet systematisk med alle skjermlesere.',
  ],
  feedbackHeading: 'Tilbakemelding og kontakt',
  feedback:
    'Opplever du problemer med tilgjengeligheten, vil vi gjerne høre om det. Meld fra til forvalteren av løsningen hos din virksomhet eller ditt departement, eller opprett en sak i prosjektets saksliste. Beskriv hvilket skjermbilde det gjelder og hva som ikke virket.',
  supervisionHeading: 'Tilsyn',
  supervision:
    'Digitaliseringsdirektoratet (Digdir) fører tilsyn med universell utforming av IKT. Du kan også melde fra til tilsynet dersom du ikke får svar.',
  supervisionLink: 'Uutilsynet på uutilsynet.no',
  home: 'Til forsiden',
} as const;
