// Generated from packages/contract/seed/musterstadt.json by packages/contract/seed/sync.mjs. Do not edit.
import type { SeedFile } from './types.js';

export const musterstadt: SeedFile = {
  "version": 1,
  "town": {
    "ags": "09999999",
    "name": {
      "de": "Stadt Musterstadt",
      "en": "Town of Musterstadt",
      "de-x-ls": "Die Stadt Musterstadt"
    },
    "timeZone": "Europe/Berlin",
    "languages": [
      "de",
      "en",
      "de-x-ls"
    ],
    "staffKey": "musterstadt-staff-demo-key",
    "bookingLimitPerEmail": 3,
    "changeableUntilMinutes": 1440,
    "holdExtensions": 10,
    "host": "civic-api.musterstadt.de"
  },
  "services": [
    {
      "id": "personalausweis",
      "name": {
        "de": "Personalausweis beantragen",
        "en": "Apply for an identity card",
        "de-x-ls": "Einen neuen Ausweis beantragen"
      },
      "description": {
        "de": "Neuer Personalausweis für Erwachsene und Kinder. Bitte bringen Sie alle Personen mit, für die ein Ausweis beantragt wird.",
        "en": "New identity card for adults and children. Please bring everyone who needs a card.",
        "de-x-ls": "Sie brauchen einen neuen Ausweis. Bringen Sie alle Personen mit. Jede Person braucht einen eigenen Ausweis."
      },
      "durationMinutes": 20,
      "maxQuantity": 5,
      "requiredDocuments": [
        {
          "de": "Bisheriger Personalausweis oder Reisepass",
          "en": "Your current identity card or passport",
          "de-x-ls": "Ihr alter Ausweis oder Ihr Pass"
        },
        {
          "de": "Ein aktuelles biometrisches Passfoto",
          "en": "A recent biometric passport photo",
          "de-x-ls": "Ein neues Foto für den Pass"
        },
        {
          "de": "Geburtsurkunde (nur beim ersten Antrag)",
          "en": "Birth certificate (first application only)"
        }
      ],
      "fee": {
        "amount": 37,
        "currency": "EUR",
        "note": {
          "de": "22,80 € für Personen unter 24 Jahren",
          "en": "€22.80 for persons under 24"
        }
      },
      "appointmentTypes": [
        "in_person"
      ],
      "topic": "ausweise",
      "url": "https://www.musterstadt.example/leistungen/personalausweis"
    },
    {
      "id": "reisepass",
      "name": {
        "de": "Reisepass beantragen",
        "en": "Apply for a passport",
        "de-x-ls": "Einen Reise-Pass beantragen"
      },
      "description": {
        "de": "Reisepass, Express-Reisepass oder Kinderreisepass beantragen.",
        "en": "Apply for a passport, an express passport or a child passport."
      },
      "durationMinutes": 20,
      "maxQuantity": 5,
      "requiredDocuments": [
        {
          "de": "Bisheriger Reisepass oder Personalausweis",
          "en": "Your current passport or identity card"
        },
        {
          "de": "Ein aktuelles biometrisches Passfoto",
          "en": "A recent biometric passport photo"
        }
      ],
      "fee": {
        "amount": 70,
        "currency": "EUR",
        "note": {
          "de": "Express-Zuschlag 32,00 €",
          "en": "Express surcharge €32.00"
        }
      },
      "appointmentTypes": [
        "in_person"
      ],
      "topic": "ausweise",
      "url": "https://www.musterstadt.example/leistungen/reisepass"
    },
    {
      "id": "wohnsitz-anmeldung",
      "name": {
        "de": "Wohnsitz anmelden",
        "en": "Register your address",
        "de-x-ls": "Eine neue Wohnung anmelden"
      },
      "description": {
        "de": "Anmeldung nach einem Umzug nach Musterstadt oder innerhalb der Stadt, innerhalb von zwei Wochen nach dem Einzug.",
        "en": "Registration after moving to or within Musterstadt, within two weeks of moving in.",
        "de-x-ls": "Sie sind umgezogen? Dann melden Sie die neue Wohnung an. Das muss in 2 Wochen sein."
      },
      "durationMinutes": 15,
      "maxQuantity": 6,
      "requiredDocuments": [
        {
          "de": "Personalausweis oder Reisepass aller Personen",
          "en": "Identity card or passport of every person"
        },
        {
          "de": "Wohnungsgeberbestätigung",
          "en": "Landlord's confirmation (Wohnungsgeberbestätigung)",
          "de-x-ls": "Ein Zettel vom Vermieter"
        }
      ],
      "fee": null,
      "appointmentTypes": [
        "in_person"
      ],
      "topic": "meldewesen",
      "url": "https://www.musterstadt.example/leistungen/wohnsitz-anmeldung"
    },
    {
      "id": "fuehrungszeugnis",
      "name": {
        "de": "Führungszeugnis beantragen",
        "en": "Apply for a certificate of good conduct"
      },
      "description": {
        "de": "Führungszeugnis für private Zwecke oder zur Vorlage bei einer Behörde.",
        "en": "Certificate of good conduct for private use or for an authority."
      },
      "durationMinutes": 10,
      "maxQuantity": 2,
      "requiredDocuments": [
        {
          "de": "Personalausweis oder Reisepass",
          "en": "Identity card or passport"
        }
      ],
      "fee": {
        "amount": 13,
        "currency": "EUR"
      },
      "appointmentTypes": [
        "in_person",
        "video"
      ],
      "topic": "meldewesen",
      "url": "https://www.musterstadt.example/leistungen/fuehrungszeugnis"
    },
    {
      "id": "kfz-zulassung",
      "name": {
        "de": "Kfz-Zulassung",
        "en": "Vehicle registration"
      },
      "description": {
        "de": "Neuzulassung, Umschreibung oder Wiederzulassung eines Fahrzeugs. Nur im Bürgerbüro Nord.",
        "en": "Registering a new, used or re-registered vehicle. Bürgerbüro Nord only."
      },
      "durationMinutes": 30,
      "maxQuantity": 3,
      "requiredDocuments": [
        {
          "de": "Zulassungsbescheinigung Teil I und II",
          "en": "Registration certificate parts I and II"
        },
        {
          "de": "eVB-Nummer der Versicherung",
          "en": "Insurance confirmation number (eVB)"
        },
        {
          "de": "SEPA-Lastschriftmandat für die Kfz-Steuer",
          "en": "SEPA direct debit mandate for vehicle tax"
        }
      ],
      "fee": {
        "amount": 30.5,
        "currency": "EUR",
        "note": {
          "de": "zuzüglich Kennzeichen",
          "en": "plus number plates"
        }
      },
      "appointmentTypes": [
        "in_person"
      ],
      "topic": "kfz",
      "url": "https://www.musterstadt.example/leistungen/kfz-zulassung"
    },
    {
      "id": "dokument-abholung",
      "name": {
        "de": "Abholung Personalausweis oder Reisepass",
        "en": "Collect your identity card or passport",
        "de-x-ls": "Den neuen Ausweis abholen"
      },
      "description": {
        "de": "Abholung eines fertigen Personalausweises oder Reisepasses. Sie erhalten eine Nachricht, sobald das Dokument bereitliegt.",
        "en": "Collect a finished identity card or passport. You will be told when it is ready."
      },
      "durationMinutes": 5,
      "maxQuantity": 5,
      "requiredDocuments": [
        {
          "de": "Bisheriges Dokument (wird entwertet)",
          "en": "Your previous document (it will be invalidated)"
        },
        {
          "de": "PIN-Brief (bei Personalausweis)",
          "en": "PIN letter (identity card)"
        }
      ],
      "fee": null,
      "appointmentTypes": [
        "in_person"
      ],
      "topic": "ausweise",
      "url": "https://www.musterstadt.example/leistungen/dokument-abholung"
    },
    {
      "id": "meldebescheinigung",
      "name": {
        "de": "Meldebescheinigung",
        "en": "Certificate of registration",
        "de-x-ls": "Eine Melde-Bescheinigung bekommen"
      },
      "description": {
        "de": "Bescheinigung über Ihre aktuelle oder frühere Anschrift.",
        "en": "Certificate of your current or former address."
      },
      "durationMinutes": 10,
      "maxQuantity": 5,
      "requiredDocuments": [
        {
          "de": "Personalausweis oder Reisepass",
          "en": "Identity card or passport"
        }
      ],
      "fee": {
        "amount": 5,
        "currency": "EUR"
      },
      "appointmentTypes": [
        "in_person",
        "phone"
      ],
      "topic": "meldewesen",
      "url": "https://www.musterstadt.example/leistungen/meldebescheinigung"
    },
    {
      "id": "gewerbeanmeldung",
      "name": {
        "de": "Gewerbeanmeldung",
        "en": "Register a business"
      },
      "description": {
        "de": "Anmeldung, Ummeldung oder Abmeldung eines Gewerbes, auch per Video-Beratung.",
        "en": "Register, change or deregister a trade, also by video consultation."
      },
      "durationMinutes": 20,
      "maxQuantity": 1,
      "requiredDocuments": [
        {
          "de": "Personalausweis oder Reisepass",
          "en": "Identity card or passport"
        },
        {
          "de": "Handelsregisterauszug (bei juristischen Personen)",
          "en": "Commercial register extract (legal entities)"
        }
      ],
      "fee": {
        "amount": 26,
        "currency": "EUR"
      },
      "appointmentTypes": [
        "in_person",
        "video"
      ],
      "topic": "gewerbe",
      "url": "https://www.musterstadt.example/leistungen/gewerbeanmeldung"
    },
    {
      "id": "beglaubigung",
      "name": {
        "de": "Beglaubigung von Kopien",
        "en": "Certified copies"
      },
      "description": {
        "de": "Amtliche Beglaubigung von Kopien und Unterschriften.",
        "en": "Official certification of copies and signatures."
      },
      "durationMinutes": 10,
      "maxQuantity": 10,
      "requiredDocuments": [
        {
          "de": "Originaldokument und Kopie",
          "en": "Original document and copy"
        }
      ],
      "fee": {
        "amount": 3,
        "currency": "EUR",
        "note": {
          "de": "je Seite",
          "en": "per page"
        }
      },
      "appointmentTypes": [
        "in_person"
      ],
      "topic": "sonstiges",
      "url": "https://www.musterstadt.example/leistungen/beglaubigung"
    },
    {
      "id": "fundsachen",
      "name": {
        "de": "Fundsachen",
        "en": "Lost and found"
      },
      "description": {
        "de": "Verlorene Gegenstände abholen oder Fundsachen abgeben.",
        "en": "Collect lost property or hand in items you found."
      },
      "durationMinutes": 10,
      "maxQuantity": 3,
      "requiredDocuments": [
        {
          "de": "Personalausweis oder Reisepass",
          "en": "Identity card or passport"
        }
      ],
      "fee": null,
      "appointmentTypes": [
        "in_person",
        "phone"
      ],
      "topic": "sonstiges",
      "url": "https://www.musterstadt.example/leistungen/fundsachen"
    },
    {
      "id": "einbuergerung",
      "name": {
        "de": "Einbürgerungsberatung",
        "en": "Naturalisation advice",
        "de-x-ls": "Beratung zur Einbürgerung"
      },
      "description": {
        "de": "Persönliche Beratung zur Einbürgerung. Die Termine sind sehr gefragt: tragen Sie sich in die Warteliste ein.",
        "en": "Personal advice on naturalisation. Appointments are in high demand: join the waiting list."
      },
      "durationMinutes": 45,
      "maxQuantity": 1,
      "requiredDocuments": [
        {
          "de": "Aufenthaltstitel",
          "en": "Residence permit"
        },
        {
          "de": "Nachweis über Deutschkenntnisse",
          "en": "Proof of German language skills"
        }
      ],
      "fee": null,
      "appointmentTypes": [
        "in_person",
        "video"
      ],
      "topic": "sonstiges",
      "url": "https://www.musterstadt.example/leistungen/einbuergerung"
    },
    {
      "id": "video-beratung",
      "name": {
        "de": "Video-Beratung Bürgeramt",
        "en": "Video advice (citizens' office)",
        "de-x-ls": "Beratung mit Video"
      },
      "description": {
        "de": "Beratung per Video zu Meldewesen, Ausweisen und Gewerbe. Sie brauchen ein Gerät mit Kamera und Mikrofon.",
        "en": "Video advice on registration, identity documents and trade. You need a device with camera and microphone."
      },
      "durationMinutes": 15,
      "maxQuantity": 1,
      "requiredDocuments": [],
      "fee": null,
      "appointmentTypes": [
        "video"
      ],
      "topic": "sonstiges",
      "url": "https://www.musterstadt.example/leistungen/video-beratung"
    }
  ],
  "locations": [
    {
      "id": "buergerbuero-mitte",
      "name": {
        "de": "Bürgerbüro Mitte",
        "en": "Citizens' Office Centre",
        "de-x-ls": "Bürger-Büro Mitte"
      },
      "address": {
        "street": "Marktplatz 1",
        "postalCode": "12345",
        "city": "Musterstadt",
        "country": "DE"
      },
      "geo": {
        "lat": 49.4521,
        "lon": 11.0767
      },
      "phone": "+49 1234 5670",
      "email": "buergerbuero-mitte@musterstadt.example",
      "openingHours": [
        {
          "weekday": 1,
          "opens": "08:00",
          "closes": "12:00"
        },
        {
          "weekday": 1,
          "opens": "13:00",
          "closes": "16:00"
        },
        {
          "weekday": 2,
          "opens": "08:00",
          "closes": "12:00"
        },
        {
          "weekday": 2,
          "opens": "13:00",
          "closes": "16:00"
        },
        {
          "weekday": 3,
          "opens": "08:00",
          "closes": "12:00"
        },
        {
          "weekday": 4,
          "opens": "08:00",
          "closes": "12:00"
        },
        {
          "weekday": 4,
          "opens": "13:00",
          "closes": "19:00"
        },
        {
          "weekday": 5,
          "opens": "08:00",
          "closes": "12:00"
        },
        {
          "weekday": 6,
          "opens": "09:00",
          "closes": "12:00"
        }
      ],
      "exceptions": [
        {
          "on": {
            "weekday": 3,
            "nth": 2
          },
          "closed": true,
          "reason": {
            "de": "Feiertag: Stadtgründungstag",
            "en": "Public holiday: town foundation day",
            "de-x-ls": "Heute ist ein Feier-Tag. Das Büro ist zu."
          }
        },
        {
          "on": {
            "weekday": 1,
            "nth": 2
          },
          "hours": [
            {
              "opens": "08:00",
              "closes": "12:00"
            }
          ],
          "reason": {
            "de": "Nachmittags geschlossen: Personalversammlung",
            "en": "Closed in the afternoon: staff meeting"
          }
        }
      ],
      "accessibility": {
        "stepFree": true,
        "notes": {
          "de": "Stufenloser Eingang über den Marktplatz, automatische Tür. Induktive Höranlage an Schalter 1. Behindertengerechtes WC im Erdgeschoss.",
          "en": "Step-free entrance from the market square, automatic door. Induction loop at counter 1. Accessible toilet on the ground floor."
        }
      },
      "appointmentTypes": [
        "in_person",
        "phone"
      ],
      "services": [
        "personalausweis",
        "reisepass",
        "wohnsitz-anmeldung",
        "fuehrungszeugnis",
        "dokument-abholung",
        "meldebescheinigung",
        "gewerbeanmeldung",
        "beglaubigung",
        "fundsachen"
      ],
      "slotRules": {
        "slotMinutes": 10,
        "seats": 3,
        "horizonDays": 30,
        "leadMinutes": 60
      },
      "taken": [
        {
          "on": {
            "weekday": 2,
            "nth": 1
          },
          "from": "00:00",
          "to": "24:00",
          "reason": "fully booked"
        },
        {
          "on": {
            "dayOffset": 1
          },
          "from": "08:00",
          "to": "10:00",
          "seats": 2,
          "reason": "pre-booked"
        },
        {
          "on": {
            "weekday": 4,
            "nth": 1
          },
          "from": "13:00",
          "to": "19:00",
          "seats": 2,
          "reason": "pre-booked"
        }
      ],
      "url": "https://www.musterstadt.example/buergerbuero-mitte"
    },
    {
      "id": "buergerbuero-nord",
      "name": {
        "de": "Bürgerbüro Nord",
        "en": "Citizens' Office North",
        "de-x-ls": "Bürger-Büro Nord"
      },
      "address": {
        "street": "Nordring 42",
        "postalCode": "12347",
        "city": "Musterstadt",
        "country": "DE"
      },
      "geo": {
        "lat": 49.4712,
        "lon": 11.0801
      },
      "phone": "+49 1234 5671",
      "email": "buergerbuero-nord@musterstadt.example",
      "openingHours": [
        {
          "weekday": 1,
          "opens": "07:30",
          "closes": "12:30"
        },
        {
          "weekday": 2,
          "opens": "07:30",
          "closes": "12:30"
        },
        {
          "weekday": 3,
          "opens": "10:00",
          "closes": "13:00"
        },
        {
          "weekday": 3,
          "opens": "14:00",
          "closes": "18:30"
        },
        {
          "weekday": 4,
          "opens": "07:30",
          "closes": "12:30"
        },
        {
          "weekday": 5,
          "opens": "07:30",
          "closes": "12:00"
        }
      ],
      "exceptions": [
        {
          "on": {
            "weekday": 3,
            "nth": 2
          },
          "closed": true,
          "reason": {
            "de": "Feiertag: Stadtgründungstag",
            "en": "Public holiday: town foundation day"
          }
        },
        {
          "on": {
            "weekday": 5,
            "nth": 1
          },
          "closed": true,
          "reason": {
            "de": "Geschlossen wegen Umbauarbeiten",
            "en": "Closed for building works"
          }
        }
      ],
      "accessibility": {
        "stepFree": true,
        "notes": {
          "de": "Eingang mit Rampe (Steigung 6 %), Klingel für Hilfe. Zwei Behindertenparkplätze direkt vor dem Eingang.",
          "en": "Entrance with ramp (6% gradient), bell for assistance. Two disabled parking spaces in front of the entrance."
        }
      },
      "appointmentTypes": [
        "in_person"
      ],
      "services": [
        "personalausweis",
        "reisepass",
        "wohnsitz-anmeldung",
        "kfz-zulassung",
        "dokument-abholung",
        "meldebescheinigung"
      ],
      "slotRules": {
        "slotMinutes": 15,
        "seats": 2,
        "horizonDays": 30,
        "leadMinutes": 60
      },
      "taken": [
        {
          "on": {
            "weekday": 1,
            "nth": 1
          },
          "from": "07:30",
          "to": "12:30",
          "reason": "fully booked"
        },
        {
          "on": {
            "dayOffset": 2
          },
          "from": "07:30",
          "to": "09:00",
          "seats": 1,
          "reason": "pre-booked"
        }
      ],
      "url": "https://www.musterstadt.example/buergerbuero-nord"
    },
    {
      "id": "rathaus-sued",
      "name": {
        "de": "Rathaus-Außenstelle Süd",
        "en": "Town Hall branch South",
        "de-x-ls": "Rathaus Süd"
      },
      "address": {
        "street": "Südallee 7",
        "postalCode": "12349",
        "city": "Musterstadt",
        "country": "DE"
      },
      "geo": {
        "lat": 49.4301,
        "lon": 11.0702
      },
      "phone": "+49 1234 5672",
      "email": "aussenstelle-sued@musterstadt.example",
      "openingHours": [
        {
          "weekday": 2,
          "opens": "09:00",
          "closes": "12:00"
        },
        {
          "weekday": 2,
          "opens": "13:00",
          "closes": "15:00"
        },
        {
          "weekday": 4,
          "opens": "09:00",
          "closes": "12:00"
        },
        {
          "weekday": 4,
          "opens": "13:00",
          "closes": "17:00"
        }
      ],
      "exceptions": [
        {
          "on": {
            "weekday": 4,
            "nth": 2
          },
          "hours": [
            {
              "opens": "09:00",
              "closes": "12:00"
            }
          ],
          "reason": {
            "de": "Nachmittags geschlossen: Fortbildung",
            "en": "Closed in the afternoon: training"
          }
        }
      ],
      "accessibility": {
        "stepFree": true,
        "notes": {
          "de": "Erdgeschoss, stufenlos erreichbar. Sitzplätze mit Armlehnen im Wartebereich.",
          "en": "Ground floor, step-free. Seats with armrests in the waiting area."
        }
      },
      "appointmentTypes": [
        "in_person",
        "video"
      ],
      "services": [
        "personalausweis",
        "wohnsitz-anmeldung",
        "dokument-abholung",
        "meldebescheinigung",
        "beglaubigung",
        "fuehrungszeugnis",
        "gewerbeanmeldung",
        "einbuergerung",
        "video-beratung"
      ],
      "serviceHours": {
        "einbuergerung": [
          {
            "weekday": 4,
            "opens": "13:00",
            "closes": "15:00"
          }
        ]
      },
      "slotRules": {
        "slotMinutes": 15,
        "seats": 1,
        "horizonDays": 30,
        "leadMinutes": 60
      },
      "taken": [
        {
          "every": 4,
          "from": "13:00",
          "to": "15:00",
          "reason": "Einbürgerungssprechstunde ausgebucht"
        }
      ],
      "url": "https://www.musterstadt.example/rathaus-sued"
    }
  ],
  "cases": [
    {
      "id": "c-4711",
      "reference": "MS-2026-004711",
      "secondFactor": {
        "birthdate": "1984-03-12",
        "passcode": "K7QF-92LM"
      },
      "title": {
        "de": "Antrag auf Wohngeld",
        "en": "Housing benefit application",
        "de-x-ls": "Ihr Antrag auf Wohn-Geld"
      },
      "status": {
        "code": "action_required",
        "label": {
          "de": "Ihre Mitwirkung ist nötig",
          "en": "Action required",
          "de-x-ls": "Sie müssen etwas tun"
        },
        "since": {
          "dayOffset": -2,
          "time": "11:47"
        }
      },
      "steps": [
        {
          "code": "received",
          "label": {
            "de": "Antrag eingegangen",
            "en": "Application received"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -14,
            "time": "08:55"
          }
        },
        {
          "code": "review",
          "label": {
            "de": "Prüfung",
            "en": "Review"
          },
          "state": "current",
          "reachedAt": {
            "dayOffset": -10
          }
        },
        {
          "code": "decision",
          "label": {
            "de": "Bescheid",
            "en": "Decision"
          },
          "state": "upcoming"
        }
      ],
      "history": [
        {
          "at": {
            "dayOffset": -14,
            "time": "08:55"
          },
          "title": {
            "de": "Antrag eingegangen.",
            "en": "Application received."
          },
          "actor": {
            "de": "Wohngeldstelle",
            "en": "Housing benefit office"
          }
        },
        {
          "at": {
            "dayOffset": -2,
            "time": "11:47"
          },
          "title": {
            "de": "Nachweise angefordert.",
            "en": "Proofs requested."
          },
          "actor": {
            "de": "Wohngeldstelle",
            "en": "Housing benefit office"
          }
        }
      ],
      "expectedCompletion": {
        "dayOffset": 25
      },
      "legalDeadline": {
        "dayOffset": 60
      },
      "actionsRequired": [
        {
          "id": "gehaltsnachweise",
          "kind": "document",
          "title": {
            "de": "Gehaltsnachweise einreichen",
            "en": "Send your payslips",
            "de-x-ls": "Lohn-Zettel schicken"
          },
          "description": {
            "de": "Bitte reichen Sie die Gehaltsnachweise der letzten drei Monate ein.",
            "en": "Please send the payslips for the last three months."
          },
          "dueDate": {
            "dayOffset": 10
          },
          "url": "https://www.musterstadt.example/wohngeld/nachweise"
        },
        {
          "id": "mietvertrag",
          "kind": "document",
          "title": {
            "de": "Aktueller Mietvertrag",
            "en": "Current tenancy agreement"
          },
          "description": {
            "de": "Bitte senden Sie uns die folgenden Nachweise.",
            "en": "Please send us the following proofs."
          },
          "dueDate": {
            "dayOffset": 10
          },
          "url": "https://www.musterstadt.example/wohngeld/nachweise"
        }
      ],
      "documents": [],
      "contact": {
        "name": {
          "de": "Wohngeldstelle",
          "en": "Housing benefit office"
        },
        "phone": "+49 1234 5680",
        "email": "wohngeld@musterstadt.example"
      },
      "suspension": {
        "kind": "paused",
        "reason": {
          "de": "Die Bearbeitung ruht, bis die Gehaltsnachweise vorliegen.",
          "en": "Processing is paused until the payslips arrive.",
          "de-x-ls": "Wir warten auf Ihre Papiere. Dann machen wir weiter."
        },
        "since": {
          "dayOffset": -2
        }
      }
    },
    {
      "id": "c-4712",
      "reference": "MS-2026-004712",
      "secondFactor": {
        "birthdate": "1990-07-01",
        "passcode": "R2DX-55QA"
      },
      "serviceId": "reisepass",
      "title": {
        "de": "Antrag auf einen Reisepass",
        "en": "Passport application",
        "de-x-ls": "Ihr Antrag für einen Reise-Pass"
      },
      "status": {
        "code": "ready_for_pickup",
        "label": {
          "de": "Abholbereit",
          "en": "Ready for collection",
          "de-x-ls": "Sie können es abholen"
        },
        "since": {
          "dayOffset": -1,
          "time": "07:58"
        }
      },
      "steps": [
        {
          "code": "received",
          "label": {
            "de": "Antrag eingegangen",
            "en": "Application received"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -24,
            "time": "09:40"
          }
        },
        {
          "code": "review",
          "label": {
            "de": "Prüfung",
            "en": "Review"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -23
          }
        },
        {
          "code": "production",
          "label": {
            "de": "Herstellung",
            "en": "Production"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -22
          }
        },
        {
          "code": "pickup",
          "label": {
            "de": "Abholung",
            "en": "Collection"
          },
          "state": "current",
          "reachedAt": {
            "dayOffset": -1,
            "time": "07:58"
          }
        }
      ],
      "history": [
        {
          "at": {
            "dayOffset": -24,
            "time": "09:40"
          },
          "title": {
            "de": "Antrag aufgenommen.",
            "en": "Application taken."
          }
        },
        {
          "at": {
            "dayOffset": -22
          },
          "title": {
            "de": "Auftrag an die Bundesdruckerei übermittelt.",
            "en": "Order sent to the Federal Printing Office."
          }
        },
        {
          "at": {
            "dayOffset": -1,
            "time": "07:58"
          },
          "title": {
            "de": "Reisepass eingetroffen.",
            "en": "Passport arrived."
          }
        }
      ],
      "actionsRequired": [
        {
          "id": "abholtermin",
          "kind": "appointment",
          "title": {
            "de": "Abholtermin buchen",
            "en": "Book a collection appointment",
            "de-x-ls": "Einen Termin zum Abholen machen"
          },
          "description": {
            "de": "Bitte buchen Sie einen Abholtermin und bringen Sie Ihren alten Pass mit.",
            "en": "Please book a collection appointment and bring your old passport."
          },
          "serviceId": "dokument-abholung"
        }
      ],
      "documents": [],
      "contact": {
        "name": {
          "de": "Bürgerbüro Mitte, Team Ausweise",
          "en": "Bürgerbüro Mitte, ID team"
        },
        "phone": "+49 1234 5670",
        "email": "ausweise@musterstadt.example"
      },
      "pickup": {
        "ready": true,
        "serviceId": "dokument-abholung"
      }
    },
    {
      "id": "c-4713",
      "reference": "MS-2026-004713",
      "secondFactor": {
        "birthdate": "1971-11-23",
        "passcode": "P8LM-03VZ"
      },
      "title": {
        "de": "Bauantrag: Anbau Wintergarten",
        "en": "Building application: conservatory extension"
      },
      "status": {
        "code": "paused",
        "label": {
          "de": "Bearbeitung ruht",
          "en": "On hold",
          "de-x-ls": "Wir machen gerade eine Pause"
        },
        "since": {
          "dayOffset": -6
        }
      },
      "steps": [
        {
          "code": "received",
          "label": {
            "de": "Antrag eingegangen",
            "en": "Application received"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -41,
            "time": "09:05"
          }
        },
        {
          "code": "completeness",
          "label": {
            "de": "Vollständigkeitsprüfung",
            "en": "Completeness check"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -30
          }
        },
        {
          "code": "participation",
          "label": {
            "de": "Beteiligung der Fachbehörden",
            "en": "Consulting other authorities"
          },
          "state": "current",
          "reachedAt": {
            "dayOffset": -20,
            "time": "11:00"
          }
        },
        {
          "code": "decision",
          "label": {
            "de": "Entscheidung",
            "en": "Decision"
          },
          "state": "upcoming"
        }
      ],
      "history": [
        {
          "at": {
            "dayOffset": -41,
            "time": "09:05"
          },
          "title": {
            "de": "Bauantrag eingegangen.",
            "en": "Building application received."
          }
        },
        {
          "at": {
            "dayOffset": -30
          },
          "title": {
            "de": "Antrag vollständig.",
            "en": "Application complete."
          }
        },
        {
          "at": {
            "dayOffset": -20,
            "time": "11:00"
          },
          "title": {
            "de": "Fachbehörden beteiligt.",
            "en": "Other authorities consulted."
          }
        },
        {
          "at": {
            "dayOffset": -6
          },
          "title": {
            "de": "Bearbeitung ruht bis zur Stellungnahme des Denkmalschutzes.",
            "en": "Processing paused until the monument protection opinion arrives."
          }
        }
      ],
      "expectedCompletion": {
        "dayOffset": 50
      },
      "legalDeadline": {
        "dayOffset": 49
      },
      "suspension": {
        "kind": "paused",
        "reason": {
          "de": "Wir warten auf die Stellungnahme der Denkmalschutzbehörde.",
          "en": "We are waiting for the opinion of the monument protection authority.",
          "de-x-ls": "Wir warten auf eine Antwort von einem anderen Amt."
        },
        "since": {
          "dayOffset": -6
        },
        "until": {
          "dayOffset": 20
        }
      },
      "actionsRequired": [],
      "documents": [],
      "contact": {
        "name": {
          "de": "Bauordnungsamt, Frau Keller",
          "en": "Building authority, Ms Keller"
        },
        "phone": "+49 1234 5690",
        "email": "bauamt@musterstadt.example"
      }
    },
    {
      "id": "c-4714",
      "reference": "MS-2026-004714",
      "secondFactor": {
        "birthdate": "1966-02-14",
        "passcode": "T4NB-71KC"
      },
      "title": {
        "de": "Bauantrag: Carport",
        "en": "Building application: carport"
      },
      "status": {
        "code": "extended",
        "label": {
          "de": "Frist verlängert",
          "en": "Deadline extended"
        },
        "since": {
          "dayOffset": -3,
          "time": "13:20"
        }
      },
      "steps": [
        {
          "code": "received",
          "label": {
            "de": "Antrag eingegangen",
            "en": "Application received"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -56
          }
        },
        {
          "code": "completeness",
          "label": {
            "de": "Vollständigkeitsprüfung",
            "en": "Completeness check"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -48
          }
        },
        {
          "code": "review",
          "label": {
            "de": "Fachliche Prüfung",
            "en": "Technical review"
          },
          "state": "current",
          "reachedAt": {
            "dayOffset": -40,
            "time": "10:00"
          }
        },
        {
          "code": "decision",
          "label": {
            "de": "Entscheidung",
            "en": "Decision"
          },
          "state": "upcoming"
        }
      ],
      "history": [
        {
          "at": {
            "dayOffset": -56
          },
          "title": {
            "de": "Bauantrag eingegangen.",
            "en": "Building application received."
          }
        },
        {
          "at": {
            "dayOffset": -48
          },
          "title": {
            "de": "Antrag vollständig.",
            "en": "Application complete."
          }
        },
        {
          "at": {
            "dayOffset": -3,
            "time": "13:20"
          },
          "title": {
            "de": "Frist um einen Monat verlängert (Lärmschutz).",
            "en": "Deadline extended by one month (noise protection)."
          }
        }
      ],
      "expectedCompletion": {
        "dayOffset": 30
      },
      "legalDeadline": {
        "dayOffset": 34
      },
      "suspension": {
        "kind": "extended",
        "reason": {
          "de": "Wegen der Prüfung des Lärmschutzes verlängern wir die Frist um einen Monat.",
          "en": "Because noise protection must be checked, we extend the deadline by one month."
        },
        "since": {
          "dayOffset": -3
        },
        "until": {
          "dayOffset": 34
        }
      },
      "actionsRequired": [],
      "documents": [],
      "contact": {
        "name": {
          "de": "Bauordnungsamt, Herr Brandt",
          "en": "Building authority, Mr Brandt"
        },
        "phone": "+49 1234 5691",
        "email": "bauamt@musterstadt.example"
      }
    },
    {
      "id": "c-4715",
      "reference": "MS-2026-004715",
      "secondFactor": {
        "birthdate": "1995-05-30",
        "passcode": "H6WE-28RU"
      },
      "serviceId": "personalausweis",
      "title": {
        "de": "Antrag auf einen Personalausweis",
        "en": "Application for an identity card",
        "de-x-ls": "Ihr Antrag für einen Ausweis"
      },
      "status": {
        "code": "in_progress",
        "label": {
          "de": "In Bearbeitung",
          "en": "In progress",
          "de-x-ls": "Wird bearbeitet"
        },
        "since": {
          "dayOffset": -7,
          "time": "08:30"
        }
      },
      "steps": [
        {
          "code": "received",
          "label": {
            "de": "Antrag eingegangen",
            "en": "Application received",
            "de-x-ls": "Antrag ist da"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -9,
            "time": "10:12"
          }
        },
        {
          "code": "review",
          "label": {
            "de": "Prüfung",
            "en": "Review",
            "de-x-ls": "Wir prüfen"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -8,
            "time": "14:03"
          }
        },
        {
          "code": "production",
          "label": {
            "de": "Herstellung",
            "en": "Production",
            "de-x-ls": "Ausweis wird gemacht"
          },
          "state": "current",
          "reachedAt": {
            "dayOffset": -7,
            "time": "08:30"
          }
        },
        {
          "code": "pickup",
          "label": {
            "de": "Abholung",
            "en": "Collection",
            "de-x-ls": "Abholen"
          },
          "state": "upcoming"
        }
      ],
      "history": [
        {
          "at": {
            "dayOffset": -9,
            "time": "10:12"
          },
          "title": {
            "de": "Antrag im Bürgerbüro Mitte aufgenommen.",
            "en": "Application taken at Bürgerbüro Mitte."
          },
          "actor": {
            "de": "Bürgerbüro Mitte",
            "en": "Bürgerbüro Mitte"
          }
        },
        {
          "at": {
            "dayOffset": -8
          },
          "title": {
            "de": "Unterlagen vollständig.",
            "en": "Documents complete."
          }
        },
        {
          "at": {
            "dayOffset": -7,
            "time": "08:30"
          },
          "title": {
            "de": "Auftrag an die Bundesdruckerei übermittelt.",
            "en": "Order sent to the Federal Printing Office."
          },
          "description": {
            "de": "Die Herstellung dauert in der Regel drei bis vier Wochen.",
            "en": "Production usually takes three to four weeks."
          }
        }
      ],
      "expectedCompletion": {
        "dayOffset": 12
      },
      "legalDeadline": {
        "dayOffset": 35
      },
      "actionsRequired": [],
      "documents": [
        {
          "title": {
            "de": "Antragsbestätigung",
            "en": "Application receipt"
          },
          "availableFrom": {
            "dayOffset": -9
          }
        },
        {
          "title": {
            "de": "Abholschein",
            "en": "Collection slip"
          },
          "availableFrom": {
            "dayOffset": 12
          }
        }
      ],
      "contact": {
        "name": {
          "de": "Bürgerbüro Mitte, Team Ausweise",
          "en": "Bürgerbüro Mitte, ID team"
        },
        "phone": "+49 1234 5670",
        "email": "ausweise@musterstadt.example"
      }
    },
    {
      "id": "c-4716",
      "reference": "MS-2026-004716",
      "secondFactor": {
        "birthdate": "1979-09-09",
        "passcode": "G3YA-64PD"
      },
      "title": {
        "de": "Gaststättenerlaubnis „Café am Markt“",
        "en": "Restaurant licence \"Café am Markt\""
      },
      "status": {
        "code": "approved",
        "label": {
          "de": "Bewilligt",
          "en": "Approved",
          "de-x-ls": "Ja, Sie bekommen es"
        },
        "since": {
          "dayOffset": -2,
          "time": "15:10"
        }
      },
      "steps": [
        {
          "code": "received",
          "label": {
            "de": "Antrag eingegangen",
            "en": "Application received"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -33
          }
        },
        {
          "code": "review",
          "label": {
            "de": "Prüfung",
            "en": "Review"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -25
          }
        },
        {
          "code": "decision",
          "label": {
            "de": "Entscheidung",
            "en": "Decision"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -2,
            "time": "15:10"
          }
        }
      ],
      "history": [
        {
          "at": {
            "dayOffset": -33
          },
          "title": {
            "de": "Antrag eingegangen.",
            "en": "Application received."
          }
        },
        {
          "at": {
            "dayOffset": -2,
            "time": "15:10"
          },
          "title": {
            "de": "Erlaubnis erteilt.",
            "en": "Licence granted."
          }
        }
      ],
      "legalDeadline": {
        "dayOffset": 57
      },
      "actionsRequired": [],
      "result": {
        "decision": "approved",
        "explanation": {
          "de": "Die Erlaubnis wurde erteilt. Der Bescheid kommt per Post.",
          "en": "The licence was granted. The notice will come by post."
        }
      },
      "documents": [
        {
          "title": {
            "de": "Bescheid (Kopie)",
            "en": "Notice (copy)"
          },
          "availableFrom": {
            "dayOffset": -2
          },
          "url": "https://www.musterstadt.example/dokumente/bescheid-4716.pdf"
        }
      ],
      "contact": {
        "name": {
          "de": "Ordnungsamt, Gewerbe",
          "en": "Public order office, trade"
        },
        "phone": "+49 1234 5700",
        "email": "gewerbe@musterstadt.example"
      }
    },
    {
      "id": "c-4717",
      "reference": "MS-2026-004717",
      "secondFactor": {
        "birthdate": "1988-12-24",
        "passcode": "Z9QC-40HS"
      },
      "title": {
        "de": "Sondernutzung: Außengastronomie",
        "en": "Special use permit: outdoor seating"
      },
      "status": {
        "code": "rejected",
        "label": {
          "de": "Abgelehnt",
          "en": "Rejected",
          "de-x-ls": "Nein, Sie bekommen es nicht"
        },
        "since": {
          "dayOffset": -5,
          "time": "10:30"
        }
      },
      "steps": [
        {
          "code": "received",
          "label": {
            "de": "Antrag eingegangen",
            "en": "Application received"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -21
          }
        },
        {
          "code": "review",
          "label": {
            "de": "Prüfung",
            "en": "Review"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -15
          }
        },
        {
          "code": "decision",
          "label": {
            "de": "Entscheidung",
            "en": "Decision"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -5,
            "time": "10:30"
          }
        }
      ],
      "history": [
        {
          "at": {
            "dayOffset": -21
          },
          "title": {
            "de": "Antrag eingegangen.",
            "en": "Application received."
          }
        },
        {
          "at": {
            "dayOffset": -5,
            "time": "10:30"
          },
          "title": {
            "de": "Antrag abgelehnt.",
            "en": "Application rejected."
          }
        }
      ],
      "actionsRequired": [],
      "result": {
        "decision": "rejected",
        "explanation": {
          "de": "Die Fläche ist als Rettungsweg freizuhalten. Sie können innerhalb eines Monats Widerspruch einlegen.",
          "en": "The area must be kept clear as an emergency route. You may object within one month."
        }
      },
      "documents": [],
      "contact": {
        "name": {
          "de": "Tiefbauamt, Sondernutzungen",
          "en": "Civil engineering office, special use"
        },
        "phone": "+49 1234 5710",
        "email": "sondernutzung@musterstadt.example"
      }
    },
    {
      "id": "c-4718",
      "reference": "MS-2026-004718",
      "secondFactor": {
        "birthdate": "2001-04-17",
        "passcode": "B5KT-16NE"
      },
      "title": {
        "de": "Antrag auf Wohngeld",
        "en": "Housing benefit application"
      },
      "status": {
        "code": "received",
        "label": {
          "de": "Eingegangen",
          "en": "Received",
          "de-x-ls": "Ist angekommen"
        },
        "since": {
          "dayOffset": -1,
          "time": "16:40"
        }
      },
      "steps": [
        {
          "code": "received",
          "label": {
            "de": "Antrag eingegangen",
            "en": "Application received"
          },
          "state": "current",
          "reachedAt": {
            "dayOffset": -1,
            "time": "16:40"
          }
        },
        {
          "code": "review",
          "label": {
            "de": "Prüfung",
            "en": "Review"
          },
          "state": "upcoming"
        },
        {
          "code": "decision",
          "label": {
            "de": "Bescheid",
            "en": "Decision"
          },
          "state": "upcoming"
        }
      ],
      "history": [
        {
          "at": {
            "dayOffset": -1,
            "time": "16:40"
          },
          "title": {
            "de": "Online-Antrag eingegangen.",
            "en": "Online application received."
          }
        }
      ],
      "expectedCompletion": {
        "dayOffset": 40
      },
      "legalDeadline": {
        "dayOffset": 89
      },
      "actionsRequired": [],
      "documents": [],
      "contact": {
        "name": {
          "de": "Wohngeldstelle",
          "en": "Housing benefit office"
        },
        "phone": "+49 1234 5680",
        "email": "wohngeld@musterstadt.example"
      }
    },
    {
      "id": "c-4719",
      "reference": "MS-2026-004719",
      "secondFactor": {
        "birthdate": "1958-08-08",
        "passcode": "M1FR-82JW"
      },
      "title": {
        "de": "Bewohnerparkausweis Zone B",
        "en": "Resident parking permit zone B"
      },
      "status": {
        "code": "completed",
        "label": {
          "de": "Abgeschlossen",
          "en": "Completed",
          "de-x-ls": "Fertig"
        },
        "since": {
          "dayOffset": -10,
          "time": "12:00"
        }
      },
      "steps": [
        {
          "code": "received",
          "label": {
            "de": "Antrag eingegangen",
            "en": "Application received"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -19
          }
        },
        {
          "code": "decision",
          "label": {
            "de": "Entscheidung",
            "en": "Decision"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -12
          }
        },
        {
          "code": "completed",
          "label": {
            "de": "Abgeschlossen",
            "en": "Completed"
          },
          "state": "done",
          "reachedAt": {
            "dayOffset": -10,
            "time": "12:00"
          }
        }
      ],
      "history": [
        {
          "at": {
            "dayOffset": -19
          },
          "title": {
            "de": "Antrag eingegangen.",
            "en": "Application received."
          }
        },
        {
          "at": {
            "dayOffset": -12
          },
          "title": {
            "de": "Parkausweis ausgestellt.",
            "en": "Permit issued."
          }
        },
        {
          "at": {
            "dayOffset": -10,
            "time": "12:00"
          },
          "title": {
            "de": "Parkausweis versandt.",
            "en": "Permit sent."
          }
        }
      ],
      "actionsRequired": [],
      "result": {
        "decision": "approved",
        "explanation": {
          "de": "Der Parkausweis wurde Ihnen zugeschickt.",
          "en": "The parking permit was sent to you."
        }
      },
      "documents": [],
      "contact": {
        "name": {
          "de": "Straßenverkehrsbehörde",
          "en": "Road traffic authority"
        },
        "phone": "+49 1234 5720",
        "email": "verkehr@musterstadt.example"
      }
    }
  ],
  "chat": {
    "name": {
      "de": "Servicedesk Musterstadt",
      "en": "Musterstadt service desk"
    },
    "officeHours": [
      {
        "weekday": 1,
        "opens": "08:00",
        "closes": "18:00"
      },
      {
        "weekday": 2,
        "opens": "08:00",
        "closes": "18:00"
      },
      {
        "weekday": 3,
        "opens": "08:00",
        "closes": "18:00"
      },
      {
        "weekday": 4,
        "opens": "08:00",
        "closes": "20:00"
      },
      {
        "weekday": 5,
        "opens": "08:00",
        "closes": "14:00"
      }
    ],
    "exceptions": [
      {
        "on": {
          "weekday": 3,
          "nth": 2
        },
        "closed": true,
        "reason": {
          "de": "Feiertag: Stadtgründungstag",
          "en": "Public holiday: town foundation day"
        }
      }
    ],
    "expectedReplySeconds": 90,
    "agents": [
      {
        "id": "agent-schmidt",
        "name": {
          "de": "Frau Schmidt",
          "en": "Ms Schmidt"
        },
        "online": true
      },
      {
        "id": "agent-yilmaz",
        "name": {
          "de": "Herr Yılmaz",
          "en": "Mr Yılmaz"
        },
        "online": true
      },
      {
        "id": "agent-nowak",
        "name": {
          "de": "Frau Nowak",
          "en": "Ms Nowak"
        },
        "online": false
      }
    ],
    "bot": {
      "name": {
        "de": "Stadtbot",
        "en": "Town bot",
        "de-x-ls": "Stadt-Bot"
      },
      "greeting": {
        "de": "Guten Tag! Ich bin der Stadtbot von Musterstadt. Wobei kann ich helfen?",
        "en": "Hello! I am Musterstadt's town bot. How can I help?",
        "de-x-ls": "Hallo! Ich bin der Stadt-Bot. Ich helfe Ihnen gern. Was möchten Sie?"
      },
      "suggestions": [
        {
          "de": "Termin buchen",
          "en": "Book an appointment",
          "de-x-ls": "Einen Termin machen"
        },
        {
          "de": "Welche Unterlagen brauche ich?",
          "en": "Which documents do I need?"
        },
        {
          "de": "Mit einer Person sprechen",
          "en": "Talk to a person",
          "de-x-ls": "Mit einem Menschen sprechen"
        }
      ],
      "answers": [
        {
          "keywords": [
            "anmeld",
            "umzug",
            "wohnsitz",
            "register",
            "moving"
          ],
          "text": {
            "de": "Für die Anmeldung brauchen Sie Ihren Ausweis und die Wohnungsgeberbestätigung.",
            "en": "To register you need your identity card and the landlord's confirmation."
          },
          "suggestions": [
            {
              "de": "Termin buchen",
              "en": "Book an appointment"
            },
            {
              "de": "Mit einer Person sprechen",
              "en": "Talk to a person"
            }
          ]
        },
        {
          "keywords": [
            "ausweis",
            "pass",
            "identity",
            "passport"
          ],
          "text": {
            "de": "Einen Personalausweis oder Reisepass beantragen Sie persönlich im Bürgerbüro. Bringen Sie ein biometrisches Foto mit.",
            "en": "You apply for an identity card or passport in person at a citizens' office. Bring a biometric photo."
          },
          "suggestions": [
            {
              "de": "Termin buchen",
              "en": "Book an appointment"
            }
          ]
        }
      ],
      "fallback": {
        "de": "Das weiß ich leider nicht. Ich verbinde Sie mit einer Mitarbeiterin oder einem Mitarbeiter.",
        "en": "I don't know that, sorry. I am connecting you with a member of staff."
      }
    },
    "topics": [
      {
        "id": "meldewesen",
        "label": {
          "de": "Meldewesen",
          "en": "Registration"
        }
      },
      {
        "id": "ausweise",
        "label": {
          "de": "Ausweise und Pässe",
          "en": "Identity cards and passports"
        }
      },
      {
        "id": "kfz",
        "label": {
          "de": "Kfz-Zulassung",
          "en": "Vehicle registration"
        }
      },
      {
        "id": "gewerbe",
        "label": {
          "de": "Gewerbe",
          "en": "Trade"
        }
      },
      {
        "id": "sonstiges",
        "label": {
          "de": "Sonstiges",
          "en": "Other"
        }
      }
    ],
    "attachments": {
      "maxBytes": 10485760,
      "types": [
        "image/jpeg",
        "image/png",
        "application/pdf"
      ],
      "maxPerMessage": 5
    }
  },
  "queues": [
    {
      "locationId": "buergerbuero-mitte",
      "name": {
        "de": "Wartebereich Bürgerbüro Mitte",
        "en": "Waiting area Bürgerbüro Mitte"
      },
      "welcome": {
        "de": "Willkommen im Bürgerbüro Mitte! Bitte ziehen Sie eine Wartenummer.",
        "en": "Welcome to Bürgerbüro Mitte! Please take a ticket.",
        "de-x-ls": "Willkommen! Bitte nehmen Sie eine Nummer."
      },
      "ticker": [
        {
          "de": "Am Stadtgründungstag bleiben alle Bürgerbüros geschlossen.",
          "en": "All citizens' offices are closed on town foundation day."
        },
        {
          "de": "Ausweise können Sie auch ohne Wartenummer mit Termin beantragen.",
          "en": "You can also apply for identity cards by appointment."
        }
      ],
      "desks": [
        {
          "id": "1",
          "name": {
            "de": "Schalter 1",
            "en": "Counter 1"
          },
          "open": true
        },
        {
          "id": "2",
          "name": {
            "de": "Schalter 2",
            "en": "Counter 2"
          },
          "open": true
        },
        {
          "id": "3",
          "name": {
            "de": "Schalter 3",
            "en": "Counter 3"
          },
          "open": true
        },
        {
          "id": "4",
          "name": {
            "de": "Schalter 4",
            "en": "Counter 4"
          },
          "open": false
        }
      ],
      "services": [
        {
          "serviceId": "personalausweis",
          "prefix": "A",
          "averageMinutes": 12
        },
        {
          "serviceId": "dokument-abholung",
          "prefix": "B",
          "averageMinutes": 4
        },
        {
          "serviceId": "wohnsitz-anmeldung",
          "prefix": "M",
          "averageMinutes": 9
        },
        {
          "serviceId": "meldebescheinigung",
          "prefix": "M",
          "averageMinutes": 5
        }
      ],
      "waiting": [
        {
          "number": "A017",
          "serviceId": "personalausweis",
          "minutesAgo": 22
        },
        {
          "number": "M031",
          "serviceId": "wohnsitz-anmeldung",
          "minutesAgo": 18
        },
        {
          "number": "B008",
          "serviceId": "dokument-abholung",
          "minutesAgo": 11
        },
        {
          "number": "A018",
          "serviceId": "personalausweis",
          "minutesAgo": 9
        },
        {
          "number": "M032",
          "serviceId": "meldebescheinigung",
          "minutesAgo": 4
        }
      ],
      "recentCalls": [
        {
          "number": "A016",
          "deskId": "2",
          "minutesAgo": 3
        },
        {
          "number": "M030",
          "deskId": "1",
          "minutesAgo": 6
        },
        {
          "number": "B007",
          "deskId": "3",
          "minutesAgo": 8
        }
      ],
      "ticketsOnline": true,
      "notifications": {
        "email": true,
        "sms": false
      }
    },
    {
      "locationId": "buergerbuero-nord",
      "name": {
        "de": "Wartebereich Bürgerbüro Nord",
        "en": "Waiting area Bürgerbüro Nord"
      },
      "welcome": {
        "de": "Willkommen im Bürgerbüro Nord.",
        "en": "Welcome to Bürgerbüro Nord."
      },
      "ticker": [
        {
          "de": "Kfz-Zulassung nur mit Termin.",
          "en": "Vehicle registration by appointment only."
        }
      ],
      "desks": [
        {
          "id": "1",
          "name": {
            "de": "Platz 1",
            "en": "Desk 1"
          },
          "open": true
        },
        {
          "id": "2",
          "name": {
            "de": "Platz 2",
            "en": "Desk 2"
          },
          "open": true
        }
      ],
      "services": [
        {
          "serviceId": "personalausweis",
          "prefix": "A",
          "averageMinutes": 14
        },
        {
          "serviceId": "kfz-zulassung",
          "prefix": "K",
          "averageMinutes": 25
        },
        {
          "serviceId": "wohnsitz-anmeldung",
          "prefix": "M",
          "averageMinutes": 10
        }
      ],
      "waiting": [
        {
          "number": "K004",
          "serviceId": "kfz-zulassung",
          "minutesAgo": 15
        },
        {
          "number": "A009",
          "serviceId": "personalausweis",
          "minutesAgo": 7
        }
      ],
      "recentCalls": [
        {
          "number": "K003",
          "deskId": "1",
          "minutesAgo": 12
        },
        {
          "number": "A008",
          "deskId": "2",
          "minutesAgo": 5
        }
      ],
      "ticketsOnline": true,
      "notifications": {
        "email": true,
        "sms": false
      }
    },
    {
      "locationId": "rathaus-sued",
      "name": {
        "de": "Wartebereich Rathaus-Außenstelle Süd",
        "en": "Waiting area Town Hall branch South"
      },
      "welcome": {
        "de": "Willkommen in der Außenstelle Süd.",
        "en": "Welcome to the South branch."
      },
      "ticker": [
        {
          "de": "Beglaubigungen ohne Termin: dienstags 9 bis 12 Uhr.",
          "en": "Certifications without appointment: Tuesdays 9 am to 12 noon."
        }
      ],
      "desks": [
        {
          "id": "1",
          "name": {
            "de": "Zimmer 1",
            "en": "Room 1"
          },
          "open": true
        }
      ],
      "services": [
        {
          "serviceId": "beglaubigung",
          "prefix": "S",
          "averageMinutes": 6
        },
        {
          "serviceId": "meldebescheinigung",
          "prefix": "S",
          "averageMinutes": 5
        }
      ],
      "waiting": [
        {
          "number": "S002",
          "serviceId": "beglaubigung",
          "minutesAgo": 6
        }
      ],
      "recentCalls": [
        {
          "number": "S001",
          "deskId": "1",
          "minutesAgo": 2
        }
      ],
      "ticketsOnline": true,
      "notifications": {
        "email": true,
        "sms": false
      }
    }
  ],
  "offices": [
    {
      "id": "videobuero-buergeramt",
      "name": {
        "de": "Digitales Bürgerbüro – Video-Sprechstunde",
        "en": "Digital citizens' office – video consultation",
        "de-x-ls": "Bürger-Büro im Internet"
      },
      "description": {
        "de": "Beratung per Video zu Gewerbe, Führungszeugnis und Meldewesen.",
        "en": "Video advice on trade, certificates of good conduct and registration."
      },
      "hours": [
        {
          "weekday": 1,
          "opens": "09:00",
          "closes": "12:00"
        },
        {
          "weekday": 2,
          "opens": "09:00",
          "closes": "12:00"
        },
        {
          "weekday": 3,
          "opens": "09:00",
          "closes": "12:00"
        },
        {
          "weekday": 4,
          "opens": "09:00",
          "closes": "12:00"
        },
        {
          "weekday": 4,
          "opens": "14:00",
          "closes": "18:00"
        },
        {
          "weekday": 5,
          "opens": "09:00",
          "closes": "12:00"
        }
      ],
      "exceptions": [],
      "chairs": 3,
      "chairsBusy": 1,
      "waiting": 2,
      "averageMinutes": 15,
      "joinBaseUrl": "https://video.musterstadt.example/raum/",
      "serviceId": "video-beratung",
      "ticketsOnline": true
    },
    {
      "id": "digitale-einbuergerung",
      "name": {
        "de": "Digitale Einbürgerungssprechstunde",
        "en": "Digital naturalisation office hours"
      },
      "description": {
        "de": "Offene Video-Sprechstunde zur Einbürgerung.",
        "en": "Open video office hours on naturalisation."
      },
      "hours": [
        {
          "weekday": 3,
          "opens": "14:00",
          "closes": "16:00"
        }
      ],
      "exceptions": [],
      "chairs": 1,
      "chairsBusy": 0,
      "waiting": 0,
      "averageMinutes": 30,
      "joinBaseUrl": "https://video.musterstadt.example/raum/",
      "serviceId": "einbuergerung",
      "ticketsOnline": true
    }
  ]
};
