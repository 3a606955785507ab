"""Hand-coded news sentences, written for newsdb (not taken from the devset), as a check that
the coder generalises: every PLOVER type, attribution styles, single-sentence inputs without
article context, and sentences that hold no PLOVER event (sport, business, science, weather).

Each row is (sentence, dateline, expected events as (type, actor1 country)); "*" means the
country is not checked (the sentence does not say it). Expected events must be found with that
type; any other predicted event counts as a false positive. The thresholds are the figures the
coder reached when the set was written, minus a margin.
"""

from __future__ import annotations

from datetime import date

from transforms.events import extract_events
from transforms.nlp import new_doc, parse
from transforms.quotes import extract_quotes

SENTENCES: list[tuple[str, str, list[tuple[str, str | None]]]] = [
    (
        "Russian forces shelled the Ukrainian city of Kharkiv on Sunday, killing three "
        "civilians, regional governor Oleh Synyehubov said.",
        "2023-03-06",
        [("ASSAULT", "RUS")],
    ),
    (
        "Israeli aircraft struck Hamas targets in the Gaza Strip early on Friday, the Israeli"
        " military said.",
        "2023-05-13",
        [("ASSAULT", "ISR")],
    ),
    (
        "A suicide bomber killed at least 14 people at a crowded market in Mogadishu on "
        "Tuesday, police said.",
        "2023-03-08",
        [("ASSAULT", "*")],
    ),
    (
        "Chinese President Xi Jinping met U.S. President Joe Biden on the sidelines of the "
        "G20 summit in Bali on Monday.",
        "2022-11-15",
        [("CONSULT", "CHN")],
    ),
    (
        "German Chancellor Olaf Scholz will travel to Beijing next week for talks with "
        "Chinese leaders.",
        "2022-10-28",
        [("CONSULT", "DEU")],
    ),
    (
        "The United Nations Security Council on Thursday imposed an arms embargo on South Sudan.",
        "2018-07-14",
        [("SANCTION", None)],
    ),
    (
        "Washington imposed sanctions on three Iranian oil companies on Wednesday.",
        "2023-06-08",
        [("SANCTION", "USA")],
    ),
    (
        "Iran's foreign ministry condemned the attack as a violation of international law.",
        "2023-06-08",
        [("ACCUSE", "IRN")],
    ),
    (
        "Turkey accused Sweden of harbouring Kurdish militants.",
        "2023-01-20",
        [("ACCUSE", "TUR")],
    ),
    (
        "Pakistani police arrested dozens of opposition supporters in Lahore on Saturday.",
        "2023-05-14",
        [("COERCE", "PAK")],
    ),
    (
        "Thousands of people marched through central Paris on Saturday to protest against "
        "pension reform.",
        "2023-03-12",
        [("PROTEST", "FRA")],
    ),
    (
        "The rebels released 12 hostages, including four foreigners, on Wednesday, the Red "
        "Cross said.",
        "2023-03-12",
        [("CONCEDE", "*")],
    ),
    (
        "The European Union agreed on Tuesday to provide 18 billion euros in financial aid to"
        " Ukraine next year.",
        "2022-12-14",
        [("AGREE", None)],
    ),
    (
        "Japan pledged $500 million in humanitarian assistance for earthquake victims in Turkey.",
        "2023-02-14",
        [("AGREE", "JPN")],
    ),
    (
        "The United States sent two aircraft carriers to the eastern Mediterranean.",
        "2023-10-15",
        [("MOBILIZE", "USA")],
    ),
    (
        "Sudan's army and the Rapid Support Forces agreed to a 72-hour ceasefire, Saudi and "
        "US mediators said.",
        "2023-04-25",
        [("AGREE", "SDN")],
    ),
    (
        "Ethiopian troops withdrew from the border town of Humera on Friday.",
        "2023-01-08",
        [("RETREAT", "ETH")],
    ),
    (
        "Venezuela rejected the U.S. proposal for new elections.",
        "2023-01-08",
        [("REJECT", "VEN")],
    ),
    (
        "Hungary vetoed the EU statement on China.",
        "2023-01-08",
        [("REJECT", "HUN")],
    ),
    (
        "Iran threatened to close the Strait of Hormuz if its oil exports were blocked.",
        "2023-01-08",
        [("THREATEN", "IRN")],
    ),
    (
        "Hezbollah vowed to retaliate for the killing of its commander.",
        "2023-01-08",
        [("THREATEN", "LBN")],
    ),
    (
        "French President Emmanuel Macron praised Morocco's role in the fight against terrorism.",
        "2023-01-08",
        [("SUPPORT", "FRA")],
    ),
    (
        "India and Pakistan held talks in New Delhi on Wednesday on sharing river waters.",
        "2023-01-08",
        [("CONSULT", "IND")],
    ),
    (
        "The World Food Programme delivered food aid to 50,000 people in northern Gaza.",
        "2024-03-08",
        [("AID", None)],
    ),
    (
        "Police in Nairobi fired tear gas to disperse protesters who had gathered outside "
        "parliament.",
        "2024-06-26",
        [("COERCE", "KEN")],
    ),
    (
        "Gunmen abducted 30 students from a school in northwestern Nigeria on Friday.",
        "2024-03-09",
        [("ASSAULT", "NGA")],
    ),
    (
        "Ukraine's President Volodymyr Zelenskiy spoke by phone with British Prime Minister "
        "Rishi Sunak on Tuesday.",
        "2023-05-10",
        [("CONSULT", "UKR")],
    ),
    (
        "The Kremlin denied that Russian forces had targeted civilians.",
        "2023-05-10",
        [("REJECT", "RUS")],
    ),
    (
        "Saudi Arabia restored diplomatic relations with Iran.",
        "2023-05-10",
        [("SUPPORT", "SAU")],
    ),
    (
        "The Taliban banned women from attending universities.",
        "2022-12-21",
        [("COERCE", "AFG")],
    ),
    (
        "Israel's Prime Minister Benjamin Netanyahu rejected calls for a ceasefire.",
        "2023-11-10",
        [("REJECT", "ISR")],
    ),
    (
        "Lebanese protesters blocked roads in Beirut with burning tyres.",
        "2023-11-10",
        [("PROTEST", "LBN")],
    ),
    (
        "Armed men attacked a police station in the town of Kidal, killing two officers, the "
        "Malian army said.",
        "2023-11-10",
        [("ASSAULT", "MLI")],
    ),
    (
        "Egypt hosted talks between Israeli and Hamas officials in Cairo.",
        "2023-11-10",
        [("CONSULT", "EGY")],
    ),
    (
        "Colombian soldiers killed a senior FARC dissident commander in a raid in Cauca province.",
        "2023-11-10",
        [("ASSAULT", "COL")],
    ),
    (
        "The White House welcomed the agreement.",
        "2023-11-10",
        [("SUPPORT", "USA")],
    ),
    (
        "The Philippine coast guard accused China of firing water cannon at a supply boat.",
        "2023-11-10",
        [("ACCUSE", "PHL")],
    ),
    (
        "South Korea and Japan held their first summit in 12 years in Tokyo on Thursday.",
        "2023-03-17",
        [("CONSULT", "KOR")],
    ),
    (
        "Russian President Vladimir Putin warned the West against sending long-range missiles"
        " to Ukraine.",
        "2024-06-06",
        [("THREATEN", "RUS")],
    ),
    (
        "Kyiv said Russian drones attacked energy infrastructure in the Odesa region overnight.",
        "2024-06-06",
        [("ASSAULT", "RUS")],
    ),
    (
        "Armenia and Azerbaijan exchanged fire along their border on Tuesday.",
        "2023-09-14",
        [("ASSAULT", "ARM")],
    ),
    (
        "The Indian government deployed thousands of troops to the northeastern state of Manipur.",
        "2023-05-09",
        [("MOBILIZE", "IND")],
    ),
    (
        "Kenyan police shot dead two protesters in Nairobi on Tuesday, rights groups said.",
        "2024-06-26",
        [("ASSAULT", "KEN")],
    ),
    (
        "The Chinese foreign ministry summoned the Japanese ambassador to protest against the"
        " visit.",
        "2023-06-01",
        [("ACCUSE", "CHN")],
    ),
    (
        "Polish farmers blocked border crossings with Ukraine in protest against grain imports.",
        "2024-02-10",
        [("PROTEST", "POL")],
    ),
    (
        "The Iranian judiciary sentenced a British-Iranian national to death for espionage.",
        "2023-01-12",
        [("COERCE", "IRN")],
    ),
    (
        "Mexican authorities detained 15 suspected cartel members in the state of Sinaloa.",
        "2023-01-12",
        [("COERCE", "MEX")],
    ),
    (
        "NATO foreign ministers met in Brussels on Tuesday to discuss support for Ukraine.",
        "2023-04-05",
        [("CONSULT", None)],
    ),
    (
        "Serbia put its army on the highest level of combat readiness on Monday.",
        "2022-12-27",
        [("MOBILIZE", "SRB")],
    ),
    (
        "The United States and the Philippines began joint military exercises on Monday.",
        "2023-04-11",
        [("COOPERATE", "USA")],
    ),
    (
        "Manchester City beat Arsenal 3-1 on Sunday to go top of the Premier League.",
        "2023-04-27",
        [],
    ),
    (
        "Shares of Apple fell 3 percent after the company reported weaker iPhone sales.",
        "2023-04-27",
        [],
    ),
    (
        "Scientists said the new vaccine cut hospitalisations by half in a large trial.",
        "2023-04-27",
        [],
    ),
    (
        "The company agreed to buy its rival for $2 billion.",
        "2023-04-27",
        [],
    ),
    (
        "The striker scored twice as Brazil defeated Argentina in the World Cup qualifier.",
        "2023-04-27",
        [],
    ),
    (
        "Heavy rain killed at least 20 people in southern China, state media reported.",
        "2023-04-27",
        [],
    ),
    (
        "The minister said the economy would grow by 3 percent this year.",
        "2023-04-27",
        [],
    ),
    (
        "The central bank raised interest rates by half a percentage point on Thursday.",
        "2023-04-27",
        [],
    ),
    (
        "The film won three awards at the festival in Cannes.",
        "2023-04-27",
        [],
    ),
    (
        "The two sides agreed to resume negotiations next month, the mediator said.",
        "2023-04-27",
        [("AGREE", "*")],
    ),
    (
        "North Korea offered to hold talks with South Korea on Thursday.",
        "2023-04-27",
        [("AGREE", "PRK")],
    ),
    (
        "U.S. Secretary of State Antony Blinken arrived in Riyadh on Tuesday for talks with "
        "Saudi officials.",
        "2023-06-07",
        [("CONSULT", "USA")],
    ),
    (
        "The foreign ministers of Iran and Saudi Arabia met in Beijing on Thursday.",
        "2023-04-07",
        [("CONSULT", "*")],
    ),
    (
        "Indian Prime Minister Narendra Modi held a phone call with Russian President "
        "Vladimir Putin on Friday.",
        "2023-06-30",
        [("CONSULT", "IND")],
    ),
    (
        "Germany endorsed Ukraine's bid to join the European Union.",
        "2022-06-20",
        [("SUPPORT", "DEU")],
    ),
    (
        "The government lifted the curfew in the capital on Sunday.",
        "2022-06-20",
        [("CONCEDE", "*")],
    ),
    (
        "Russia and China held joint naval drills in the Sea of Japan.",
        "2023-07-21",
        [("COOPERATE", "RUS")],
    ),
    (
        "Colombia extradited a drug lord to the United States on Wednesday.",
        "2023-07-21",
        [("COOPERATE", "COL")],
    ),
    (
        "Israeli forces withdrew from Khan Younis on Sunday, the military said.",
        "2024-04-08",
        [("RETREAT", "ISR")],
    ),
    (
        "UN Secretary-General Antonio Guterres called for an immediate ceasefire in Gaza.",
        "2023-11-07",
        [("REQUEST", None)],
    ),
    (
        "Ukraine asked its allies for more air defence systems.",
        "2023-11-07",
        [("REQUEST", "UKR")],
    ),
    (
        "Protesters demanded the resignation of the prime minister.",
        "2023-11-07",
        [("REQUEST", "*")],
    ),
    (
        "China criticised the U.S. decision to sell arms to Taiwan.",
        "2023-11-07",
        [("ACCUSE", "CHN")],
    ),
    (
        "The opposition accused the ruling party of rigging the election.",
        "2023-11-07",
        [("ACCUSE", "*")],
    ),
    (
        "Amnesty International condemned the executions.",
        "2023-11-07",
        [("ACCUSE", None)],
    ),
    (
        "Russia rejected the proposal as unacceptable.",
        "2023-11-07",
        [("REJECT", "RUS")],
    ),
    (
        "Turkey threatened to block Sweden's NATO membership.",
        "2022-06-20",
        [("THREATEN", "TUR")],
    ),
    (
        "Hundreds of students demonstrated outside the education ministry in Dhaka on Monday.",
        "2024-07-16",
        [("PROTEST", "BGD")],
    ),
    (
        "Doctors went on strike across the country on Monday to demand better pay.",
        "2024-07-16",
        [("PROTEST", "*")],
    ),
    (
        "Britain froze the assets of five Russian oligarchs.",
        "2022-03-10",
        [("SANCTION", "GBR")],
    ),
    (
        "Niger suspended military cooperation with France.",
        "2023-08-04",
        [("SANCTION", "NER")],
    ),
    (
        "Russia massed troops near the Ukrainian border.",
        "2022-01-04",
        [("MOBILIZE", "RUS")],
    ),
    (
        "China deployed warships around Taiwan on Saturday.",
        "2023-04-09",
        [("MOBILIZE", "CHN")],
    ),
    (
        "Authorities imposed a curfew in the city after the riots.",
        "2023-04-09",
        [("COERCE", "*")],
    ),
    (
        "Police detained the journalist at the airport on Sunday.",
        "2023-04-09",
        [("COERCE", "*")],
    ),
    (
        "A roadside bomb killed four soldiers in Helmand province on Tuesday.",
        "2019-04-09",
        [("ASSAULT", "*")],
    ),
    (
        "Militants ambushed a military convoy in northern Burkina Faso, killing 12 soldiers, "
        "security sources said.",
        "2023-04-09",
        [("ASSAULT", "BFA")],
    ),
    (
        "Unknown attackers set fire to a church in the village.",
        "2023-04-09",
        [("ASSAULT", "*")],
    ),
    (
        "The Houthis seized a cargo ship in the Red Sea on Sunday.",
        "2023-11-20",
        [("COERCE", "YEM")],
    ),
    (
        "Security forces opened fire on demonstrators in Khartoum, killing at least five "
        "people, medics said.",
        "2022-06-30",
        [("ASSAULT", "SDN")],
    ),
    (
        "Moscow expelled two Estonian diplomats in a tit-for-tat move.",
        "2023-06-30",
        [("SANCTION", "RUS")],
    ),
    (
        "Iraqi Prime Minister Mohammed Shia al-Sudani received the Iranian foreign minister "
        "in Baghdad on Sunday.",
        "2023-09-11",
        [("CONSULT", "IRQ")],
    ),
    (
        "Kenya's President William Ruto will visit Washington next month.",
        "2024-04-10",
        [("CONSULT", "KEN")],
    ),
    (
        "The Pentagon said it had no plans to send troops to the region.",
        "2024-04-10",
        [],
    ),
    (
        "The report said the number of refugees had doubled since 2020.",
        "2023-04-27",
        [],
    ),
    (
        "Oil prices rose sharply after OPEC announced production cuts.",
        "2023-04-27",
        [],
    ),
    (
        "Fans celebrated the victory in the streets of Buenos Aires.",
        "2022-12-19",
        [],
    ),
    (
        "The company said it would cut 5,000 jobs by the end of the year.",
        "2023-04-27",
        [],
    ),
    (
        "The museum reopened on Monday after a two-year renovation.",
        "2023-04-27",
        [],
    ),
    (
        "Temperatures hit a record high in Spain on Tuesday.",
        "2023-04-27",
        [],
    ),
    (
        "Voters went to the polls on Sunday in the first election since the coup.",
        "2023-04-27",
        [],
    ),
    (
        "The minister said the talks had been constructive.",
        "2023-04-27",
        [],
    ),
    (
        "The actor thanked his fans for their support.",
        "2023-04-27",
        [],
    ),
    (
        "Analysts said the sanctions were unlikely to change Moscow's behaviour.",
        "2023-04-27",
        [],
    ),
    (
        "The goalkeeper was sent off after a clash with a striker in the second half.",
        "2023-04-27",
        [],
    ),
    (
        "Police in Karachi arrested 12 people suspected of planning attacks on Shiite mosques.",
        "2023-05-02",
        [("COERCE", "PAK")],
    ),
    (
        "Suspected Islamist militants killed nine villagers in an attack in eastern Congo on "
        "Saturday, local officials said.",
        "2023-05-02",
        [("ASSAULT", "COD")],
    ),
    (
        "Thousands of demonstrators rallied in Tel Aviv on Saturday night against the "
        "government's judicial overhaul.",
        "2023-03-26",
        [("PROTEST", "ISR")],
    ),
    (
        "The Israeli military said it had killed a senior Islamic Jihad commander in an air "
        "strike in Gaza.",
        "2023-05-10",
        [("ASSAULT", "ISR")],
    ),
    (
        "Saudi Arabia and Iran agreed on Friday to re-establish diplomatic relations after "
        "years of hostility.",
        "2023-03-11",
        [("AGREE", "SAU")],
    ),
    (
        "Ukrainian President Volodymyr Zelenskiy urged Western allies to speed up deliveries "
        "of fighter jets.",
        "2023-05-11",
        [("REQUEST", "UKR")],
    ),
    (
        "China condemned the visit of Taiwan's president to the United States.",
        "2023-04-06",
        [("ACCUSE", "CHN")],
    ),
    (
        "The Malian junta ordered the French ambassador to leave the country within 72 hours.",
        "2022-01-31",
        [("SANCTION", "MLI")],
    ),
    (
        "Burkina Faso's government suspended the broadcasts of France 24 on Monday.",
        "2023-03-28",
        [("COERCE", "BFA")],
    ),
    (
        "The Biden administration announced new sanctions against Russian banks on Thursday.",
        "2022-02-25",
        [("SANCTION", "USA")],
    ),
    (
        "Turkish President Tayyip Erdogan said Ankara would not approve Sweden's NATO "
        "membership bid.",
        "2023-01-24",
        [("REJECT", "TUR")],
    ),
    (
        "Indian and Chinese troops clashed along their disputed Himalayan border last week.",
        "2022-12-13",
        [("ASSAULT", "IND")],
    ),
    (
        "Peru's Congress voted to remove President Pedro Castillo from office on Wednesday.",
        "2022-12-08",
        [("COERCE", "PER")],
    ),
    (
        "Hundreds of migrants stormed the border fence separating Morocco from Spain's "
        "enclave of Melilla.",
        "2022-06-25",
        [("PROTEST", "*")],
    ),
    (
        "The Philippines accused Chinese coast guard vessels of blocking a resupply mission.",
        "2023-08-06",
        [("ACCUSE", "PHL")],
    ),
    (
        "Armed men kidnapped a Catholic priest in central Nigeria on Sunday, police said.",
        "2023-05-02",
        [("ASSAULT", "NGA")],
    ),
    (
        "Hamas released two American hostages on Friday, citing humanitarian reasons.",
        "2023-10-21",
        [("CONCEDE", "PSE")],
    ),
    (
        "Russian forces fired missiles at the port of Odesa overnight, damaging grain "
        "facilities, Ukrainian officials said.",
        "2023-07-20",
        [("ASSAULT", "RUS")],
    ),
    (
        "The UN Security Council extended the mandate of its peacekeeping mission in Lebanon "
        "for another year.",
        "2023-09-01",
        [],
    ),
    (
        "Brazil's President Luiz Inacio Lula da Silva hosted Chinese Foreign Minister Wang Yi"
        " in Brasilia on Tuesday.",
        "2023-04-19",
        [("CONSULT", "BRA")],
    ),
    (
        "Egypt opened the Rafah crossing to allow aid trucks into Gaza.",
        "2023-10-22",
        [("RETREAT", "EGY")],
    ),
    (
        "The Taliban detained a British aid worker in Kabul, his family said.",
        "2023-05-02",
        [("COERCE", "AFG")],
    ),
    (
        "North Korean leader Kim Jong Un threatened to use nuclear weapons if provoked.",
        "2023-05-02",
        [("THREATEN", "PRK")],
    ),
    (
        "Finland and Sweden signed an agreement with Turkey on their NATO bids.",
        "2022-06-29",
        [("SUPPORT", "FIN")],
    ),
    (
        "Qatar mediated talks between Israel and Hamas over the release of hostages.",
        "2023-11-20",
        [("CONSULT", "QAT")],
    ),
    (
        "The government deployed soldiers to the streets of Port-au-Prince after gangs "
        "attacked police stations.",
        "2024-03-03",
        [("MOBILIZE", "*"), ("ASSAULT", "*")],
    ),
    (
        "Kenya's parliament passed a controversial finance bill on Tuesday.",
        "2024-06-26",
        [],
    ),
    (
        "Opposition supporters clashed with police in Dakar after the court sentenced their "
        "leader.",
        "2023-06-02",
        [("ASSAULT", "*"), ("COERCE", "*")],
    ),
    (
        "The company's chief executive resigned on Monday after the scandal.",
        "2023-06-02",
        [],
    ),
    (
        "Germany will send 18 Leopard tanks to Ukraine, Chancellor Olaf Scholz said.",
        "2023-01-25",
        [("AID", "DEU")],
    ),
    (
        "Japan protested to China over the detention of a Japanese businessman in Beijing.",
        "2023-03-28",
        [("ACCUSE", "JPN")],
    ),
    (
        "Iran executed a man convicted of killing a security officer during protests.",
        "2023-01-08",
        [("ASSAULT", "IRN")],
    ),
    (
        "The United States and Vietnam upgraded their relationship to a comprehensive "
        "strategic partnership on Sunday.",
        "2023-09-11",
        [("SUPPORT", "USA")],
    ),
    (
        "Police used water cannon to break up a protest by farmers in Brussels.",
        "2024-02-27",
        [("COERCE", "BEL"), ("PROTEST", "BEL")],
    ),
    (
        "Pakistan's army said its troops killed six militants in a raid in North Waziristan.",
        "2023-05-02",
        [("ASSAULT", "PAK")],
    ),
    (
        "The striker signed a new contract with the club until 2026.",
        "2023-05-02",
        [],
    ),
    (
        "The central bank said inflation slowed to 4 percent in March.",
        "2023-05-02",
        [],
    ),
    (
        "Researchers warned that the glacier could collapse within decades.",
        "2023-05-02",
        [],
    ),
    (
        "According to the defence ministry, Azerbaijani forces shelled Armenian positions "
        "overnight.",
        "2022-09-13",
        [("ASSAULT", "AZE")],
    ),
    (
        "The embassy was attacked by a mob of protesters on Friday, the foreign ministry said.",
        "2023-05-02",
        [("ASSAULT", "*")],
    ),
    (
        "Iran warned of a crushing response to any Israeli attack on its nuclear facilities.",
        "2023-05-02",
        [("THREATEN", "IRN")],
    ),
    (
        "The United States threatened new sanctions against Niger's military rulers.",
        "2023-08-02",
        [("THREATEN", "USA")],
    ),
    (
        "The rebels agreed to release all prisoners of war in exchange for a ceasefire.",
        "2023-05-02",
        [("AGREE", "*")],
    ),
    (
        "Sri Lanka's president resigned on Thursday after weeks of mass protests.",
        "2022-07-15",
        [("RETREAT", "LKA")],
    ),
    (
        "Israel handed over the bodies of two Palestinians to the Red Cross on Monday.",
        "2023-05-02",
        [("CONCEDE", "ISR")],
    ),
    (
        "Thousands of residents fled their homes as fighting intensified in Khartoum.",
        "2023-05-02",
        [],
    ),
    (
        "Turkish air strikes kill 11 militants in northern Iraq",
        "2020-09-03",
        [("ASSAULT", "TUR")],
    ),
    (
        "Moscow and Kyiv exchanged 90 prisoners of war on Tuesday, officials on both sides said.",
        "2023-05-02",
        [("CONCEDE", "*")],
    ),
    (
        "The Syrian army recaptured the town of Saraqeb from rebels on Friday.",
        "2020-03-03",
        [("ASSAULT", "SYR")],
    ),
    (
        "Israeli police raided the al-Aqsa mosque compound and arrested more than 350 "
        "Palestinians.",
        "2023-04-05",
        [("COERCE", "ISR")],
    ),
    (
        "A Russian fighter jet collided with a U.S. surveillance drone over the Black Sea.",
        "2023-03-15",
        [("ASSAULT", "RUS")],
    ),
    (
        "President Biden did not rule out further military action against the Houthis.",
        "2024-01-13",
        [],
    ),
    (
        "The African Union suspended Niger's membership following the coup.",
        "2023-08-23",
        [("SANCTION", None)],
    ),
    (
        "Chinese and Indian officials will hold another round of border talks next month.",
        "2023-05-02",
        [("CONSULT", "CHN")],
    ),
    (
        "The Pope met survivors of the earthquake during his visit to Turkey.",
        "2023-05-02",
        [("CONSULT", "*")],
    ),
    (
        "Saudi Arabia intercepted a ballistic missile fired by Yemen's Houthis towards the "
        "city of Jazan.",
        "2022-03-20",
        [("ASSAULT", "YEM")],
    ),
    (
        "Macron said France would recognise a Palestinian state in September.",
        "2025-07-25",
        [("AGREE", "FRA")],
    ),
    (
        "The court ordered the release of the opposition leader on bail.",
        "2023-05-02",
        [("CONCEDE", "*")],
    ),
    (
        "Sweden's government condemned the burning of a Koran outside a Stockholm mosque.",
        "2023-06-29",
        [("ACCUSE", "SWE")],
    ),
    (
        "Venezuelan President Nicolas Maduro accused the United States of plotting a coup "
        "against him.",
        "2023-05-02",
        [("ACCUSE", "VEN")],
    ),
    (
        "The Houthis claimed responsibility for the attack on the tanker.",
        "2024-01-27",
        [],
    ),
    (
        "Belarusian authorities jailed opposition activist Maria Kolesnikova for 11 years.",
        "2021-09-06",
        [("COERCE", "BLR")],
    ),
    (
        "The United Arab Emirates restored full diplomatic ties with Qatar on Sunday.",
        "2023-05-02",
        [("SUPPORT", "ARE")],
    ),
    (
        "Pakistan's prime minister vowed to bring the attackers to justice.",
        "2023-05-02",
        [("THREATEN", "PAK")],
    ),
    (
        "Hundreds of Kenyan police officers arrived in Haiti to lead a multinational security"
        " mission.",
        "2024-06-26",
        [("AID", "KEN")],
    ),
    (
        "The ship was seized by Iranian forces in the Strait of Hormuz, the navy said.",
        "2023-05-02",
        [("COERCE", "IRN")],
    ),
    (
        "The talks collapsed after the opposition walked out.",
        "2023-05-02",
        [("REJECT", "*")],
    ),
    (
        "Ethiopian federal forces and Tigrayan rebels agreed on Wednesday to a permanent "
        "cessation of hostilities after talks in Pretoria, the African Union mediator said.",
        "2022-11-03",
        [("AGREE", "ETH")],
    ),
    (
        "Gunmen on motorbikes attacked a village in Niger's Tillaberi region on Sunday, "
        "killing at least 21 civilians, the interior ministry said in a statement.",
        "2023-05-02",
        [("ASSAULT", "NER")],
    ),
    (
        "Thai police arrested a prominent pro-democracy activist on Thursday on charges of "
        "insulting the monarchy.",
        "2023-05-02",
        [("COERCE", "THA")],
    ),
    (
        "Russia's foreign ministry summoned the U.S. ambassador on Monday to protest over "
        "what it called Washington's involvement in the drone attack.",
        "2023-05-02",
        [("ACCUSE", "RUS")],
    ),
    (
        "Armenia recalled its ambassador to Moscow for consultations, the foreign ministry in"
        " Yerevan said.",
        "2023-05-02",
        [("SANCTION", "ARM")],
    ),
    (
        "The Nigerian army said its troops had rescued 40 hostages held by bandits in Zamfara"
        " state.",
        "2023-05-02",
        [("AID", "NGA")],
    ),
    (
        "Hundreds of Palestinians protested in Ramallah on Friday against the Palestinian "
        "Authority's security cooperation with Israel.",
        "2023-05-02",
        [("PROTEST", "PSE")],
    ),
    (
        "The Chinese defence ministry warned the United States against sending warships "
        "through the Taiwan Strait.",
        "2023-05-02",
        [("THREATEN", "CHN")],
    ),
    (
        "Turkey's parliament ratified Finland's accession to NATO on Thursday.",
        "2023-03-31",
        [("SUPPORT", "TUR")],
    ),
    (
        "South Africa's president Cyril Ramaphosa met Russian President Vladimir Putin in St "
        "Petersburg on Saturday to present an African peace plan.",
        "2023-06-18",
        [("CONSULT", "ZAF")],
    ),
    (
        "The Sudanese army accused the Rapid Support Forces of looting homes in Khartoum.",
        "2023-05-02",
        [("ACCUSE", "SDN")],
    ),
    (
        "Greek coastguard officials rescued more than 100 migrants off the island of Lesbos "
        "on Tuesday.",
        "2023-05-02",
        [("AID", "GRC")],
    ),
    (
        "The European Union suspended budget support to Niger after the military seized power.",
        "2023-07-30",
        [("SANCTION", None)],
    ),
    (
        "Canada expelled a Chinese diplomat accused of targeting a Canadian lawmaker.",
        "2023-05-09",
        [("SANCTION", "CAN")],
    ),
    (
        "The Houthis fired a missile at a commercial ship in the Gulf of Aden on Monday, the "
        "U.S. military said.",
        "2024-01-16",
        [("ASSAULT", "YEM")],
    ),
    (
        "Myanmar's junta released more than 2,000 political prisoners under an amnesty on "
        "Wednesday.",
        "2023-05-03",
        [("CONCEDE", "MMR")],
    ),
    (
        "Police in Lagos dispersed a crowd of protesters with tear gas on Monday.",
        "2023-05-02",
        [("COERCE", "NGA")],
    ),
    (
        "Ukraine's military said it had shot down 18 Russian drones overnight.",
        "2023-05-02",
        [("ASSAULT", "UKR")],
    ),
    (
        "The U.S. Treasury imposed sanctions on six Hamas officials on Wednesday.",
        "2023-11-15",
        [("SANCTION", "USA")],
    ),
    (
        "Lebanon's Hezbollah said it had fired rockets at Israeli positions in the disputed "
        "Shebaa Farms area.",
        "2023-10-09",
        [("ASSAULT", "LBN")],
    ),
    (
        "Serbian President Aleksandar Vucic ordered the army to move closer to the border "
        "with Kosovo.",
        "2022-12-27",
        [("MOBILIZE", "SRB")],
    ),
    (
        "Kenya's opposition leader Raila Odinga called off weekly anti-government protests "
        "after talks with President William Ruto.",
        "2023-04-03",
        [("CONCEDE", "KEN")],
    ),
    (
        "Iran's foreign minister held talks with his Saudi counterpart in Tehran on Saturday.",
        "2023-06-18",
        [("CONSULT", "IRN")],
    ),
    (
        "The Pakistani government banned the Tehreek-e-Labbaik Pakistan party after violent "
        "protests.",
        "2021-04-16",
        [("COERCE", "PAK")],
    ),
    (
        "Two police officers were killed when a bomb exploded near their vehicle in Quetta on"
        " Friday, officials said.",
        "2023-05-02",
        [("ASSAULT", "*")],
    ),
    (
        "The minister said the government would consider the proposal next month.",
        "2023-05-02",
        [],
    ),
    (
        "The company reported a 20 percent rise in quarterly profit on Tuesday.",
        "2023-05-02",
        [],
    ),
    (
        "The team will face Brazil in the quarter-finals on Friday.",
        "2023-05-02",
        [],
    ),
    (
        "A strong earthquake struck eastern Turkey on Monday, killing at least 40 people.",
        "2023-05-02",
        [],
    ),
    (
        "Japanese Prime Minister Fumio Kishida visited Kyiv on Tuesday and met Ukrainian "
        "President Volodymyr Zelenskiy.",
        "2023-03-22",
        [("CONSULT", "JPN")],
    ),
    (
        "Iranian President Ebrahim Raisi received a phone call from French President Emmanuel"
        " Macron on Sunday.",
        "2023-06-12",
        [("CONSULT", "IRN")],
    ),
    (
        "The European Union sent 30 tonnes of medical supplies to earthquake-hit Morocco.",
        "2023-09-12",
        [("AID", None)],
    ),
    (
        "Washington announced $325 million in new military assistance for Kyiv on Friday.",
        "2023-09-12",
        [("AID", "USA")],
    ),
    (
        "Morocco severed diplomatic relations with Iran on Tuesday.",
        "2018-05-02",
        [("SANCTION", "MAR")],
    ),
    (
        "Niger's junta revoked military cooperation agreements with France.",
        "2023-08-04",
        [("SANCTION", "NER")],
    ),
    (
        "Israel recalled its ambassador to Turkey for consultations.",
        "2023-11-05",
        [("SANCTION", "ISR")],
    ),
    (
        "China banned imports of Japanese seafood after the release of water from the "
        "Fukushima plant.",
        "2023-08-25",
        [("SANCTION", "CHN")],
    ),
    (
        "Russia put its nuclear forces on high alert.",
        "2022-02-28",
        [("MOBILIZE", "RUS")],
    ),
    (
        "Iran mobilised 10,000 reservists on Saturday.",
        "2023-02-28",
        [("MOBILIZE", "IRN")],
    ),
    (
        "The Malian army withdrew its troops from the northern town of Ber on Sunday.",
        "2023-08-14",
        [("RETREAT", "MLI")],
    ),
    (
        "Israel allowed aid trucks to enter Gaza through the Kerem Shalom crossing.",
        "2023-12-18",
        [("RETREAT", "ISR")],
    ),
    (
        "China threatened to impose tariffs on European pork.",
        "2024-06-18",
        [("THREATEN", "CHN")],
    ),
    (
        "Russia refused to extend the Black Sea grain deal.",
        "2023-07-18",
        [("REJECT", "RUS")],
    ),
    (
        "Hamas turned down the latest Israeli proposal for a truce.",
        "2024-03-18",
        [("REJECT", "PSE")],
    ),
    (
        "The Palestinian Authority appealed for international protection for civilians in the"
        " West Bank.",
        "2023-03-18",
        [("REQUEST", "PSE")],
    ),
    (
        "South Korea's president apologised for the crowd crush that killed 159 people.",
        "2022-11-07",
        [("CONCEDE", "KOR")],
    ),
    (
        "The Sri Lankan president pardoned a former lawmaker convicted of murder.",
        "2022-11-07",
        [("CONCEDE", "LKA")],
    ),
    (
        "India and the United States agreed to expand defence cooperation during talks in New"
        " Delhi.",
        "2023-06-23",
        [("AGREE", "IND")],
    ),
    (
        "Colombian troops and Venezuelan soldiers conducted joint patrols along the border.",
        "2023-06-23",
        [("COOPERATE", "COL")],
    ),
    (
        "Turkey's intelligence agency shared information with Swedish authorities on PKK suspects.",
        "2023-06-23",
        [("COOPERATE", "TUR")],
    ),
    (
        "Armenian protesters blocked the main road to the airport in Yerevan.",
        "2023-09-21",
        [("PROTEST", "ARM")],
    ),
    (
        "Tens of thousands of Israelis demonstrated in Tel Aviv on Saturday against the "
        "judicial overhaul.",
        "2023-07-23",
        [("PROTEST", "ISR")],
    ),
    (
        "Belarus's KGB arrested several people accused of sabotaging railway lines.",
        "2023-07-23",
        [("COERCE", "BLR")],
    ),
    (
        "Georgian police detained 20 protesters outside parliament in Tbilisi on Thursday.",
        "2023-03-10",
        [("COERCE", "GEO")],
    ),
    (
        "Azerbaijan launched a military offensive in Nagorno-Karabakh on Tuesday.",
        "2023-09-20",
        [("ASSAULT", "AZE")],
    ),
    (
        "The Sudanese army bombed RSF positions in Omdurman, killing at least 17 people.",
        "2023-07-09",
        [("ASSAULT", "SDN")],
    ),
    (
        "The prime minister unveiled a new housing plan on Monday.",
        "2023-07-09",
        [],
    ),
    (
        "The national team celebrated its victory at the airport.",
        "2023-07-09",
        [],
    ),
    (
        "Prices of basic goods have risen sharply this year, the statistics office said.",
        "2023-07-09",
        [],
    ),
    (
        "Syrian government forces shelled rebel-held areas of Idlib province on Wednesday, "
        "killing four civilians, a war monitor said.",
        "2023-10-06",
        [("ASSAULT", "SYR")],
    ),
    (
        "Mexico's president criticised U.S. plans to designate drug cartels as terrorist "
        "organisations.",
        "2023-03-10",
        [("ACCUSE", "MEX")],
    ),
    (
        "Qatar's emir hosted the Iranian president in Doha on Monday for talks on regional "
        "security.",
        "2023-03-10",
        [("CONSULT", "QAT")],
    ),
    (
        "The Kenyan government deployed troops to the north of the country to fight cattle "
        "rustlers.",
        "2023-03-10",
        [("MOBILIZE", "KEN")],
    ),
    (
        "Sweden's prime minister urged Turkey to ratify the country's NATO membership without"
        " delay.",
        "2023-03-10",
        [("REQUEST", "SWE")],
    ),
    (
        "Rebels in eastern Congo seized the mining town of Rubaya on Tuesday, local sources said.",
        "2024-05-02",
        [("COERCE", "COD")],
    ),
    (
        "Venezuela's government released five Americans held in Caracas as part of a prisoner"
        " swap.",
        "2023-12-21",
        [("CONCEDE", "VEN")],
    ),
    (
        "Nepali police fired tear gas at anti-government protesters in Kathmandu on Friday.",
        "2023-03-10",
        [("COERCE", "NPL")],
    ),
    (
        "Thousands of farmers blocked highways across Poland on Tuesday to protest against "
        "Ukrainian grain imports.",
        "2024-02-21",
        [("PROTEST", "POL")],
    ),
    (
        "Algeria recalled its ambassador from Spain after Madrid shifted its position on "
        "Western Sahara.",
        "2022-03-20",
        [("SANCTION", "DZA")],
    ),
    (
        "The U.N. nuclear watchdog's chief met Iranian officials in Tehran on Saturday.",
        "2023-03-05",
        [("CONSULT", None)],
    ),
    (
        "Russia accused Ukraine of shelling the Zaporizhzhia nuclear power plant.",
        "2022-08-08",
        [("ACCUSE", "RUS")],
    ),
    (
        "Britain imposed sanctions on Iranian officials over the execution of a British-"
        "Iranian national.",
        "2023-01-15",
        [("SANCTION", "GBR")],
    ),
    (
        "Hezbollah fighters attacked an Israeli military post with anti-tank missiles on Sunday.",
        "2023-10-15",
        [("ASSAULT", "LBN")],
    ),
    (
        "The Egyptian foreign minister said Cairo would not accept the displacement of "
        "Palestinians into Sinai.",
        "2023-10-15",
        [("REJECT", "EGY")],
    ),
    (
        "The Israeli army said it had arrested dozens of Hamas suspects in the West Bank "
        "overnight.",
        "2023-10-15",
        [("COERCE", "ISR")],
    ),
    (
        "Thai and Cambodian troops exchanged fire along the disputed border, leaving two "
        "soldiers dead.",
        "2025-07-24",
        [("ASSAULT", "THA")],
    ),
    (
        "The Saudi crown prince received U.S. Secretary of State Antony Blinken in Jeddah.",
        "2023-06-07",
        [("CONSULT", "SAU")],
    ),
    (
        "The government said it would lift the state of emergency next week.",
        "2023-06-07",
        [("CONCEDE", "*")],
    ),
    (
        "Shares in the carmaker rose 5 percent after it beat profit expectations.",
        "2023-06-07",
        [],
    ),
    (
        "The festival drew a record crowd of 200,000 people over the weekend.",
        "2023-06-07",
        [],
    ),
    (
        "Scientists warned that global temperatures could rise by 2 degrees by mid-century.",
        "2023-06-07",
        [],
    ),
]


def test_hand_coded_sentences() -> None:
    tp = fp = fn = 0
    country_ok = country_total = 0
    errors = []
    docs = parse(new_doc(s[0], doc_id="s", published=date.fromisoformat(s[1])) for s in SENTENCES)
    for (text, _, expected), doc in zip(SENTENCES, docs, strict=True):
        extract_quotes(doc)
        events = extract_events(doc)
        remaining = [(e.event_type, e.actor1_country) for e in events]
        for event_type, country in expected:
            found = next((r for r in remaining if r[0] == event_type), None)
            if found is None:
                fn += 1
                errors.append(("missed", event_type, text))
                continue
            tp += 1
            remaining.remove(found)
            if country != "*":
                country_total += 1
                country_ok += found[1] == country
        fp += len(remaining)
        errors.extend(("spurious", r[0], text) for r in remaining)
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.88, errors
    assert country_ok / country_total >= 0.93
