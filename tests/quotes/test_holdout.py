# ruff: noqa: E501  (article text is kept one paragraph per line, as the pipeline sees it)
"""Quote extraction on twenty held-out articles written for this test (CC0, fictional).

They were written and annotated (by the conventions of tests/fixtures/devset/README.md) before
the extractor was first run on them, to see how rules developed on the devset carry to other
text: wire datelines, British single-quote style, colon introductions without a cue, refusals
to comment, "according to people familiar", pronoun chains across genders, captions, "quoted
as saying", statements as speakers. On their first runs the extractor scored F1 0.979 and
speaker accuracy 0.884 on the first eight articles, and F1 0.989 and speaker accuracy 0.848 on
the five written after the first round of fixes, and F1 0.943 and speaker accuracy 0.970 on the
four written after the second, and F1 0.980 and speaker accuracy 0.917 on the last three;
misses were then fixed by general rules where a general rule exists (see the commit history).
The test below keeps the current level.

Each article is (name, text, [(quote, type, speaker), ...]) in article order.
"""

from __future__ import annotations

from bench.scoring.pipeline import run, text_document
from bench.scoring.quotes import GoldQuote, score_article, total

Gold = tuple[str, str, str]

ARTICLES: list[tuple[str, str, list[Gold]]] = [
    (
        "us_spending_bill",
        """WASHINGTON (AP) — Senate Majority Leader Dana Whitcombe said Tuesday that lawmakers would vote on the spending bill before the end of the week.

"We are not going to let the government shut down," Whitcombe told reporters at the Capitol. "Nobody wants that, and nobody will get it."

Republicans were less certain. Sen. Harold Baines of Ohio said he had "serious concerns" about the bill's cost and would not commit to supporting it.

"I read the whole thing last night," Baines said. "It's 900 pages of wish lists."

The White House said in a statement that President Nora Castillo would sign the bill if it reached her desk unchanged.

Asked whether the president would accept amendments, press secretary Malik Jordan said: "We'll look at anything that comes to us in good faith."

Jordan added that the administration had already made "significant concessions" on defense spending.

A senior Democratic aide, who was not authorized to speak publicly, said the vote count was "tight but manageable."

Budget analysts at the nonpartisan Congressional Budget Office estimate the package would add $340 billion to the deficit over a decade.

Whitcombe dismissed that figure as "a worst-case projection that assumes nothing goes right.\"""",
        [
            (
                "lawmakers would vote on the spending bill before the end of the week",
                "indirect",
                "Dana Whitcombe",
            ),
            ("We are not going to let the government shut down,", "direct", "Dana Whitcombe"),
            ("Nobody wants that, and nobody will get it.", "direct", "Dana Whitcombe"),
            (
                'he had "serious concerns" about the bill\'s cost and would not commit to supporting it',
                "mixed",
                "Harold Baines",
            ),
            ("I read the whole thing last night,", "direct", "Harold Baines"),
            ("It's 900 pages of wish lists.", "direct", "Harold Baines"),
            (
                "President Nora Castillo would sign the bill if it reached her desk unchanged",
                "indirect",
                "White House",
            ),
            ("We'll look at anything that comes to us in good faith.", "direct", "Malik Jordan"),
            (
                'the administration had already made "significant concessions" on defense spending',
                "mixed",
                "Malik Jordan",
            ),
            ('the vote count was "tight but manageable."', "mixed", "A senior Democratic aide"),
            (
                "the package would add $340 billion to the deficit over a decade",
                "indirect",
                "Budget analysts at the nonpartisan Congressional Budget Office",
            ),
            (
                'that figure as "a worst-case projection that assumes nothing goes right."',
                "mixed",
                "Dana Whitcombe",
            ),
        ],
    ),
    (
        "uk_rail_strike",
        """Train drivers in England will stage a fresh 48-hour walkout next month, their union has announced.

The Aslef union said talks with rail operators had 'gone nowhere' and that members had voted overwhelmingly for further action.

General secretary Mick Hollins said: 'Our members have not had a pay rise in four years. They are not asking for the moon.'

'We would much rather be at the negotiating table than on the picket line,' he added.

The Rail Delivery Group, which represents train companies, called the strike 'deeply disappointing' and urged the union to put the latest offer to its members.

A spokesperson for the group said passengers should check before they travel, warning that some lines would have no service at all.

Transport Secretary Priya Anand told the BBC the government had 'bent over backwards' to reach a deal.

'I don't think anyone can say we haven't tried,' she said.

Commuters at London's Euston station were resigned. 'It's the third time this year,' said Tom Reilly, 34, who travels from Milton Keynes. 'You just plan around it now.'""",
        [
            (
                "Train drivers in England will stage a fresh 48-hour walkout next month",
                "indirect",
                "Aslef union",
            ),
            (
                "talks with rail operators had 'gone nowhere' and that members had voted overwhelmingly for further action",
                "mixed",
                "Aslef union",
            ),
            (
                "Our members have not had a pay rise in four years. They are not asking for the moon.",
                "direct",
                "Mick Hollins",
            ),
            (
                "We would much rather be at the negotiating table than on the picket line,",
                "direct",
                "Mick Hollins",
            ),
            ("the strike 'deeply disappointing'", "mixed", "Rail Delivery Group"),
            ("the union to put the latest offer to its members", "indirect", "Rail Delivery Group"),
            (
                "passengers should check before they travel",
                "indirect",
                "A spokesperson for the group",
            ),
            ("some lines would have no service at all", "indirect", "A spokesperson for the group"),
            ("the government had 'bent over backwards' to reach a deal", "mixed", "Priya Anand"),
            ("I don't think anyone can say we haven't tried,", "direct", "Priya Anand"),
            ("It's the third time this year,", "direct", "Tom Reilly"),
            ("You just plan around it now.", "direct", "Tom Reilly"),
        ],
    ),
    (
        "norland_pharma",
        """Shares of Norland Pharma fell 9% on Monday after the drugmaker said U.S. regulators had asked for more data on its experimental obesity pill.

The company said the Food and Drug Administration's request would delay a decision by at least six months. It did not say how many additional patients would need to be studied.

"This is a setback, not a stop sign," Chief Executive Officer Lena Forsberg said on a call with analysts. She said the company still expected the pill to reach the market in 2026.

Analysts were skeptical. "Six months is the optimistic case," said Raj Mehta of Brookline Securities, who cut his price target on the stock. "Twelve feels more realistic to me."

Forsberg declined to say whether the company would seek a partner to share the cost of the extra trial.

According to people familiar with the matter, Norland had held early talks with two larger drugmakers last year.

An FDA spokesperson declined to comment, citing agency policy on pending applications.

Norland's stock has lost more than a third of its value since January.""",
        [
            (
                "U.S. regulators had asked for more data on its experimental obesity pill",
                "indirect",
                "Norland Pharma",
            ),
            (
                "the Food and Drug Administration's request would delay a decision by at least six months",
                "indirect",
                "Norland Pharma",
            ),
            ("This is a setback, not a stop sign,", "direct", "Lena Forsberg"),
            (
                "the company still expected the pill to reach the market in 2026",
                "indirect",
                "Lena Forsberg",
            ),
            ("Six months is the optimistic case,", "direct", "Raj Mehta"),
            ("Twelve feels more realistic to me.", "direct", "Raj Mehta"),
            (
                "Norland had held early talks with two larger drugmakers last year",
                "indirect",
                "people familiar with the matter",
            ),
        ],
    ),
    (
        "ukraine_drone_strikes",
        """KYIV, March 3 (Reuters) - Russian drones struck energy facilities in three Ukrainian regions overnight, cutting power to more than 200,000 homes, Ukraine's energy ministry said on Sunday.

Air defences shot down 38 of 47 drones launched from Russian territory, the air force said.

In the southern city of Odesa, a 12-storey apartment block was hit, regional governor Oleh Marchenko wrote on Telegram. He said two people had been killed and at least nine wounded, including a child.

"The enemy is deliberately targeting civilians," Marchenko said. "There is no military facility anywhere near this building."

Russia's defence ministry said its forces had carried out "a massive strike with long-range precision weapons" against facilities supplying the Ukrainian military. It made no mention of residential buildings.

Rescue worker Iryna Kovalenko, who spent the night searching the rubble, said the team had pulled out a woman alive after six hours.

"She was talking to us the whole time," the rescuer said. "She kept asking about her cat."

Kremlin spokesman Dmitry Peskov told reporters in Moscow that the strikes were a response to Ukrainian attacks on Russian border regions. He accused Kyiv of "terrorist methods" and said Moscow would continue what it calls its special military operation "until all its goals are achieved.\"""",
        [
            (
                "Russian drones struck energy facilities in three Ukrainian regions overnight, cutting power to more than 200,000 homes",
                "indirect",
                "Ukraine's energy ministry",
            ),
            (
                "Air defences shot down 38 of 47 drones launched from Russian territory",
                "indirect",
                "air force",
            ),
            (
                "In the southern city of Odesa, a 12-storey apartment block was hit",
                "indirect",
                "Oleh Marchenko",
            ),
            (
                "two people had been killed and at least nine wounded, including a child",
                "indirect",
                "Oleh Marchenko",
            ),
            ("The enemy is deliberately targeting civilians,", "direct", "Oleh Marchenko"),
            (
                "There is no military facility anywhere near this building.",
                "direct",
                "Oleh Marchenko",
            ),
            (
                'its forces had carried out "a massive strike with long-range precision weapons" against facilities supplying the Ukrainian military',
                "mixed",
                "Russia's defence ministry",
            ),
            (
                "the team had pulled out a woman alive after six hours",
                "indirect",
                "Iryna Kovalenko",
            ),
            ("She was talking to us the whole time,", "direct", "Iryna Kovalenko"),
            ("She kept asking about her cat.", "direct", "Iryna Kovalenko"),
            (
                "the strikes were a response to Ukrainian attacks on Russian border regions",
                "indirect",
                "Dmitry Peskov",
            ),
            ('Kyiv of "terrorist methods"', "mixed", "Dmitry Peskov"),
            (
                'Moscow would continue what it calls its special military operation "until all its goals are achieved."',
                "mixed",
                "Dmitry Peskov",
            ),
        ],
    ),
    (
        "regional_football_final",
        """Coach Maria Santos says her team is finally ready for the big stage.

The Riverside Hawks beat the Lakeport Tigers 3-1 on Saturday to reach the regional final for the first time since 2009.

"Two years ago, we couldn't string three passes together," Santos said after the match. "Look at us now."

Striker Jamal Owens, who scored twice, was more cautious: "We haven't won anything yet. The final is a different game."

Asked about his future, Owens smiled. "I'm happy here. Ask me again in June."

Tigers coach Brian Kessel said his players had "run out of ideas" in the second half. "We had chances early, and we didn't take them," he said.

The final will be played on May 14 at Harbor Stadium, according to the league's schedule.

Tickets sold out within an hour, a club official said.""",
        [
            ("her team is finally ready for the big stage", "indirect", "Maria Santos"),
            ("Two years ago, we couldn't string three passes together,", "direct", "Maria Santos"),
            ("Look at us now.", "direct", "Maria Santos"),
            (
                "We haven't won anything yet. The final is a different game.",
                "direct",
                "Jamal Owens",
            ),
            ("I'm happy here. Ask me again in June.", "direct", "Jamal Owens"),
            ('his players had "run out of ideas" in the second half', "mixed", "Brian Kessel"),
            ("We had chances early, and we didn't take them,", "direct", "Brian Kessel"),
            ("The final will be played on May 14 at Harbor Stadium", "indirect", "league"),
            ("Tickets sold out within an hour", "indirect", "a club official"),
        ],
    ),
    (
        "walking_study",
        """A new study has found that people who walk at least 7,000 steps a day have a 50 percent lower risk of dying early than those who walk less.

The research, published in the journal Heart Health, tracked 2,100 adults for more than a decade.

"The message is simple: move more," lead author Dr. Hannah Lee, a cardiologist at the University of Melbourne, told AFP. "You don't need to run marathons."

Lee said the benefits levelled off at around 10,000 steps, a figure often promoted by fitness trackers.

Other researchers urged caution. Professor Tom Blake of King's College London, who was not involved in the study, warned that the findings showed an association rather than proof that walking itself extended life.

"People who walk more may simply be healthier to begin with," Blake said in an interview.

The World Heart Federation said the study added to "a large body of evidence" on the value of everyday activity.""",
        [
            ("The message is simple: move more,", "direct", "Hannah Lee"),
            ("You don't need to run marathons.", "direct", "Hannah Lee"),
            (
                "the benefits levelled off at around 10,000 steps, a figure often promoted by fitness trackers",
                "indirect",
                "Hannah Lee",
            ),
            (
                "the findings showed an association rather than proof that walking itself extended life",
                "indirect",
                "Tom Blake",
            ),
            ("People who walk more may simply be healthier to begin with,", "direct", "Tom Blake"),
            (
                'the study added to "a large body of evidence" on the value of everyday activity',
                "mixed",
                "World Heart Federation",
            ),
        ],
    ),
    (
        "bank_fraud_sentence",
        """A former bank manager was sentenced to six years in prison on Thursday for stealing more than $2 million from elderly customers, prosecutors said.

Gary Whitlow, 58, pleaded guilty in March to 14 counts of fraud.

"You abused the trust of people who had worked their whole lives for that money," Judge Ellen Marsh told Whitlow as she handed down the sentence.

Whitlow's lawyer, Carla Ruiz, told the court her client was "deeply ashamed" and had begun repaying some of the victims.

According to court documents, Whitlow moved money from at least 23 accounts over seven years and spent much of it on gambling.

One victim, 81-year-old Doris Penn, said in a statement read by prosecutors that she had lost her late husband's entire pension. "I trusted him like a son," she wrote.

The bank said it had reimbursed all affected customers and tightened its internal controls.""",
        [
            (
                "A former bank manager was sentenced to six years in prison on Thursday for stealing more than $2 million from elderly customers",
                "indirect",
                "prosecutors",
            ),
            (
                "You abused the trust of people who had worked their whole lives for that money,",
                "direct",
                "Ellen Marsh",
            ),
            (
                'her client was "deeply ashamed" and had begun repaying some of the victims',
                "mixed",
                "Carla Ruiz",
            ),
            (
                "Whitlow moved money from at least 23 accounts over seven years and spent much of it on gambling",
                "indirect",
                "court documents",
            ),
            ("she had lost her late husband's entire pension", "indirect", "Doris Penn"),
            ("I trusted him like a son,", "direct", "Doris Penn"),
            (
                "it had reimbursed all affected customers and tightened its internal controls",
                "indirect",
                "bank",
            ),
        ],
    ),
    (
        "japan_korea_talks",
        """The leaders of Japan and South Korea agreed on Friday to resume regular security talks, their governments said in a joint statement, after a meeting in Tokyo.

Japanese Prime Minister Kenji Arai said the two countries faced "the most severe security environment since the end of the war" and had no choice but to work together.

"History matters. But so does the future," Arai told a news conference.

South Korean President Yoon Ha-eun said she had raised the issue of wartime forced labour and that Arai had expressed "heartfelt remorse."

China's foreign ministry spokeswoman Liu Fang said Beijing hoped the two neighbours would "play a constructive role" in regional stability. She warned against forming "exclusive blocs."

North Korea did not immediately respond.""",
        [
            (
                "The leaders of Japan and South Korea agreed on Friday to resume regular security talks",
                "indirect",
                "Japan and South Korea",
            ),
            (
                'the two countries faced "the most severe security environment since the end of the war" and had no choice but to work together',
                "mixed",
                "Kenji Arai",
            ),
            ("History matters. But so does the future,", "direct", "Kenji Arai"),
            (
                'she had raised the issue of wartime forced labour and that Arai had expressed "heartfelt remorse."',
                "mixed",
                "Yoon Ha-eun",
            ),
            (
                'Beijing hoped the two neighbours would "play a constructive role" in regional stability',
                "mixed",
                "Liu Fang",
            ),
            ('against forming "exclusive blocs."', "mixed", "Liu Fang"),
        ],
    ),
    # --- second batch, written after the first round of fixes ---
    (
        "city_budget",
        """Photo: City Hall in Brackenridge. (Getty Images)

Brackenridge's city council approved a $1.2 billion budget late Tuesday, but Mayor Denise Whitaker warned that the deal left "almost no margin for error."

"We closed a $90 million gap without laying off a single firefighter," Whitaker said at a news conference on Wednesday. "That was not easy, and it was not free."

Council member Rafael Ortiz, who voted against the budget, said the city had "raided its rainy-day fund to paper over a structural deficit."

Ms. Whitaker said she expected the city's credit rating to hold. Asked whether property taxes would rise next year, she said, "I'm not going to make promises I can't keep."

The city's finance director, Paul Lindqvist, told the council that sales tax receipts had fallen 3 percent since January.

Moody's, the credit rating agency, said in a report that it would review the city's rating within 90 days.

Library hours will be cut by a third, according to a summary of the budget published by the council.""",
        [
            ('the deal left "almost no margin for error."', "mixed", "Denise Whitaker"),
            (
                "We closed a $90 million gap without laying off a single firefighter,",
                "direct",
                "Denise Whitaker",
            ),
            ("That was not easy, and it was not free.", "direct", "Denise Whitaker"),
            (
                'the city had "raided its rainy-day fund to paper over a structural deficit."',
                "mixed",
                "Rafael Ortiz",
            ),
            ("she expected the city's credit rating to hold", "indirect", "Denise Whitaker"),
            ("I'm not going to make promises I can't keep.", "direct", "Denise Whitaker"),
            ("sales tax receipts had fallen 3 percent since January", "indirect", "Paul Lindqvist"),
            ("it would review the city's rating within 90 days", "indirect", "Moody's"),
            ("Library hours will be cut by a third", "indirect", "council"),
        ],
    ),
    (
        "wildfire_evacuations",
        """Firefighters battled a wind-driven wildfire north of Carrow on Saturday as officials ordered about 12,000 people to leave their homes.

The blaze had burned more than 8,000 acres by the afternoon and was 5 percent contained, the state forestry service said.

"The wind is the whole story today," said fire chief Renata Alvarez. "If it drops tonight, we have a chance. If it doesn't — well, we'll be here for a while."

Alvarez said crews were focusing on protecting the town of Elm Flats, where about 900 homes were under threat.

Governor Tom Bradshaw declared a state of emergency and told reporters he had asked for federal help.

"Nobody should wait to see the flames," he said. "If you're told to go, go."

At an evacuation centre in a high school gym, Linda Cho, 67, said she had left with only her medication and her dog. "Forty years in that house," she said. "I hope it's still there."

Officials believe the fire was started by a downed power line, the sheriff's office said in a statement on Saturday evening.""",
        [
            (
                "The blaze had burned more than 8,000 acres by the afternoon and was 5 percent contained",
                "indirect",
                "state forestry service",
            ),
            ("The wind is the whole story today,", "direct", "Renata Alvarez"),
            (
                "If it drops tonight, we have a chance. If it doesn't — well, we'll be here for a while.",
                "direct",
                "Renata Alvarez",
            ),
            (
                "crews were focusing on protecting the town of Elm Flats, where about 900 homes were under threat",
                "indirect",
                "Renata Alvarez",
            ),
            ("he had asked for federal help", "indirect", "Tom Bradshaw"),
            ("Nobody should wait to see the flames,", "direct", "Tom Bradshaw"),
            ("If you're told to go, go.", "direct", "Tom Bradshaw"),
            ("she had left with only her medication and her dog", "indirect", "Linda Cho"),
            ("Forty years in that house,", "direct", "Linda Cho"),
            ("I hope it's still there.", "direct", "Linda Cho"),
            (
                "Officials believe the fire was started by a downed power line",
                "indirect",
                "sheriff's office",
            ),
        ],
    ),
    (
        "chip_export_rules",
        """BEIJING (Reuters) - China on Thursday condemned new U.S. restrictions on exports of advanced chips, saying they would "seriously disrupt" global supply chains.

Commerce ministry spokesman He Yadong told a regular briefing that Beijing would take "all necessary measures" to protect the rights of Chinese firms.

"The United States is abusing export controls and weaponising trade," He said.

The rules, announced on Tuesday, bar U.S. companies from selling certain chipmaking tools to Chinese manufacturers without a licence.

A person familiar with the matter said the Commerce Department had been drafting the rules for more than a year. The person asked not to be identified because the discussions were private.

Shares in Dutch equipment maker Veldhoven Lithography fell 6 percent. The company said it was "assessing the impact" of the measures and would update investors in its next quarterly report.

Analysts at Crestline Research estimated that the rules could cut China-bound sales of such equipment by as much as 40 percent next year.

"This is a much bigger hammer than anyone expected," said Crestline analyst Mei Tanaka.""",
        [
            ('they would "seriously disrupt" global supply chains', "mixed", "China"),
            (
                'Beijing would take "all necessary measures" to protect the rights of Chinese firms',
                "mixed",
                "He Yadong",
            ),
            (
                "The United States is abusing export controls and weaponising trade,",
                "direct",
                "He Yadong",
            ),
            (
                "the Commerce Department had been drafting the rules for more than a year",
                "indirect",
                "A person familiar with the matter",
            ),
            (
                'it was "assessing the impact" of the measures and would update investors in its next quarterly report',
                "mixed",
                "Veldhoven Lithography",
            ),
            (
                "the rules could cut China-bound sales of such equipment by as much as 40 percent next year",
                "indirect",
                "Analysts at Crestline Research",
            ),
            ("This is a much bigger hammer than anyone expected,", "direct", "Mei Tanaka"),
        ],
    ),
    (
        "hospital_strike",
        """Nurses at three hospitals in Westbury walked off the job on Monday in a dispute over staffing levels, their union said.

The Westbury Nurses Association said about 2,300 members had joined the strike, which is scheduled to last 72 hours.

"We are exhausted," said Karen Boyle, an intensive care nurse with 22 years' experience. "Some nights one nurse is looking after six or seven very sick patients. That is not safe."

The hospitals' operator, Meridian Health, said in a statement that it had hired temporary staff and that all emergency departments would remain open.

"Patient care is our first priority, and it will not be compromised," the statement said.

Meridian's chief executive, Alan Price, said the company had offered a 14 percent raise over three years. He accused the union of "refusing to negotiate in good faith."

Union president Gloria Mendes rejected that account. "Money was never the main issue," she said. "Staffing is.\"""",
        [
            (
                "Nurses at three hospitals in Westbury walked off the job on Monday in a dispute over staffing levels",
                "indirect",
                "Westbury Nurses Association",
            ),
            (
                "about 2,300 members had joined the strike, which is scheduled to last 72 hours",
                "indirect",
                "Westbury Nurses Association",
            ),
            ("We are exhausted,", "direct", "Karen Boyle"),
            (
                "Some nights one nurse is looking after six or seven very sick patients. That is not safe.",
                "direct",
                "Karen Boyle",
            ),
            (
                "it had hired temporary staff and that all emergency departments would remain open",
                "indirect",
                "Meridian Health",
            ),
            (
                "Patient care is our first priority, and it will not be compromised,",
                "direct",
                "Meridian Health",
            ),
            (
                "the company had offered a 14 percent raise over three years",
                "indirect",
                "Alan Price",
            ),
            ('the union of "refusing to negotiate in good faith."', "mixed", "Alan Price"),
            ("Money was never the main issue,", "direct", "Gloria Mendes"),
            ("Staffing is.", "direct", "Gloria Mendes"),
        ],
    ),
    (
        "election_result",
        """Incumbent president Samuel Adeyemi has won a second term with 54 percent of the vote, the electoral commission announced on Sunday, in an election the opposition has vowed to challenge in court.

Adeyemi told cheering supporters in the capital that the result was "a victory for stability and for every citizen who wants peace."

His main rival, former finance minister Grace Okonkwo, said the count had been "riddled with irregularities" and called on her supporters to remain calm.

"We will use every legal avenue available to us," Okonkwo told reporters at her campaign headquarters. "We will not take to the streets."

International observers said the vote was largely peaceful but noted delays in opening polling stations in the north. The head of the European Union's observer mission, Henrik Dahl, said the commission should publish results for each polling station.

The commission's chairman, Yusuf Bello, dismissed the opposition's claims as "baseless.\"""",
        [
            (
                "Incumbent president Samuel Adeyemi has won a second term with 54 percent of the vote",
                "indirect",
                "electoral commission",
            ),
            (
                'the result was "a victory for stability and for every citizen who wants peace."',
                "mixed",
                "Samuel Adeyemi",
            ),
            ('the count had been "riddled with irregularities"', "mixed", "Grace Okonkwo"),
            ("her supporters to remain calm", "indirect", "Grace Okonkwo"),
            ("We will use every legal avenue available to us,", "direct", "Grace Okonkwo"),
            ("We will not take to the streets.", "direct", "Grace Okonkwo"),
            ("the vote was largely peaceful", "indirect", "International observers"),
            (
                "delays in opening polling stations in the north",
                "indirect",
                "International observers",
            ),
            (
                "the commission should publish results for each polling station",
                "indirect",
                "Henrik Dahl",
            ),
            ('the opposition\'s claims as "baseless."', "mixed", "Yusuf Bello"),
        ],
    ),
    # --- third batch, written after the second round of fixes ---
    (
        "port_strike_chile",
        """Dock workers at Chile's largest container port walked out on Thursday, halting copper shipments, the port authority said.

The Valparaíso Port Workers' Union said the strike would continue "until the government listens," and accused operator TransAndes Logistics of "treating safety as an optional extra."

"We have buried two colleagues this year," union leader Marisol Fuentes told reporters at the gates. "Two. That is two too many."

Fuentes said the union had asked for independent safety inspections as early as January.

TransAndes, which runs three of the port's five terminals, said in a statement that it "deeply regretted" the deaths but that its safety record was "among the best in the region."

Chile's labour minister, Andrés Villalobos, urged both sides to return to talks. He said a mediator would be appointed by Monday.

"The country cannot afford a long stoppage," the minister said. "Every day costs us millions."

Copper prices rose 2 percent in London, according to traders, as buyers worried about supply.

The port's so-called "night shift rule", which caps working hours after midnight, was introduced in 2019.""",
        [
            (
                "Dock workers at Chile's largest container port walked out on Thursday, halting copper shipments",
                "indirect",
                "port authority",
            ),
            (
                'the strike would continue "until the government listens,"',
                "mixed",
                "Valparaíso Port Workers' Union",
            ),
            (
                'operator TransAndes Logistics of "treating safety as an optional extra."',
                "mixed",
                "Valparaíso Port Workers' Union",
            ),
            ("We have buried two colleagues this year,", "direct", "Marisol Fuentes"),
            ("Two. That is two too many.", "direct", "Marisol Fuentes"),
            (
                "the union had asked for independent safety inspections as early as January",
                "indirect",
                "Marisol Fuentes",
            ),
            (
                'it "deeply regretted" the deaths but that its safety record was "among the best in the region."',
                "mixed",
                "TransAndes Logistics",
            ),
            ("both sides to return to talks", "indirect", "Andrés Villalobos"),
            ("a mediator would be appointed by Monday", "indirect", "Andrés Villalobos"),
            ("The country cannot afford a long stoppage,", "direct", "Andrés Villalobos"),
            ("Every day costs us millions.", "direct", "Andrés Villalobos"),
            ("Copper prices rose 2 percent in London", "indirect", "traders"),
        ],
    ),
    (
        "museum_theft",
        """Thieves broke into the Halvorsen Museum in Bergen overnight and took four silver chalices dating from the 14th century, police said on Sunday.

Inspector Kari Dahl of the Bergen police told a news conference that the thieves had disabled an alarm on a side door.

"This was planned, and it was planned by people who knew exactly what they were looking for," Dahl said.

The museum's director, Einar Solberg, called the theft "a wound to the whole city."

"These objects survived the plague, fires and two world wars," he said. "They should have survived us."

Solberg said the chalices were insured but that "no cheque can replace them."

Insurers estimate the collection's value at about 40 million crowns, a figure the museum declined to confirm.

Dahl appealed to anyone who had seen a dark van near the museum between midnight and 3 a.m. to come forward.

Police have not yet made any arrests, and the museum's "Silver Room" will stay closed until further notice.""",
        [
            (
                "Thieves broke into the Halvorsen Museum in Bergen overnight and took four silver chalices dating from the 14th century",
                "indirect",
                "police",
            ),
            ("the thieves had disabled an alarm on a side door", "indirect", "Kari Dahl"),
            (
                "This was planned, and it was planned by people who knew exactly what they were looking for,",
                "direct",
                "Kari Dahl",
            ),
            ('the theft "a wound to the whole city."', "mixed", "Einar Solberg"),
            (
                "These objects survived the plague, fires and two world wars,",
                "direct",
                "Einar Solberg",
            ),
            ("They should have survived us.", "direct", "Einar Solberg"),
            (
                'the chalices were insured but that "no cheque can replace them."',
                "mixed",
                "Einar Solberg",
            ),
            ("the collection's value at about 40 million crowns", "indirect", "Insurers"),
            (
                "anyone who had seen a dark van near the museum between midnight and 3 a.m. to come forward",
                "indirect",
                "Kari Dahl",
            ),
        ],
    ),
    (
        "tech_layoffs",
        """Software company Brightloop will cut about 1,200 jobs, or 9 percent of its workforce, chief executive Priya Raman told staff in an email on Tuesday.

"I take full responsibility for the decisions that led us here," Raman wrote. "We hired ahead of demand that did not come."

The email, which was seen by Reuters, said affected employees would receive 16 weeks of severance pay.

A Brightloop spokesperson confirmed the cuts but declined to say which teams would be affected.

Brightloop's shares rose 4 percent in early trading. Analysts said investors had been waiting for the company to rein in costs.

"The market likes a leaner Brightloop," said Owen Fitch, an analyst at Harlow Securities. "Employees, understandably, do not."

Raman, who co-founded the company in 2011, said in the email that she would forgo her bonus this year.""",
        [
            (
                "Software company Brightloop will cut about 1,200 jobs, or 9 percent of its workforce",
                "indirect",
                "Priya Raman",
            ),
            (
                "I take full responsibility for the decisions that led us here,",
                "direct",
                "Priya Raman",
            ),
            ("We hired ahead of demand that did not come.", "direct", "Priya Raman"),
            (
                "affected employees would receive 16 weeks of severance pay",
                "indirect",
                "Priya Raman",
            ),
            ("investors had been waiting for the company to rein in costs", "indirect", "Analysts"),
            ("The market likes a leaner Brightloop,", "direct", "Owen Fitch"),
            ("Employees, understandably, do not.", "direct", "Owen Fitch"),
            ("she would forgo her bonus this year", "indirect", "Priya Raman"),
        ],
    ),
    (
        "flood_warning",
        """Authorities in the Danube delta town of Tulcea ordered residents of low-lying streets to leave their homes on Friday as the river rose to its highest level in 40 years.

"The water is still rising and we do not expect the peak before Sunday," said Mihai Popescu, head of the county emergency service.

Popescu said about 3,000 people had been moved to schools and sports halls. He warned that roads south of the town could be cut off "at any moment."

Romania's environment minister, Ioana Marin, visited the town on Friday afternoon. She told local television that the government would release emergency funds "within days, not weeks."

"I have seen people who have lost everything," she said. "The state will not abandon them."

Residents said the warnings had come too late. "They told us on Thursday night. By Friday morning the water was in the kitchen," said Elena Vasile, 71, as she loaded blankets into a neighbour's car.""",
        [
            (
                "The water is still rising and we do not expect the peak before Sunday,",
                "direct",
                "Mihai Popescu",
            ),
            (
                "about 3,000 people had been moved to schools and sports halls",
                "indirect",
                "Mihai Popescu",
            ),
            ('roads south of the town could be cut off "at any moment."', "mixed", "Mihai Popescu"),
            (
                'the government would release emergency funds "within days, not weeks."',
                "mixed",
                "Ioana Marin",
            ),
            ("I have seen people who have lost everything,", "direct", "Ioana Marin"),
            ("The state will not abandon them.", "direct", "Ioana Marin"),
            ("the warnings had come too late", "indirect", "Residents"),
            (
                "They told us on Thursday night. By Friday morning the water was in the kitchen,",
                "direct",
                "Elena Vasile",
            ),
        ],
    ),
    # --- fourth batch, written at the end to measure the final rules ---
    (
        "border_clash",
        """Armenian and Azerbaijani forces exchanged fire along their shared border overnight, killing at least three soldiers, the two countries' defence ministries said on Tuesday, each blaming the other.

Armenia's defence ministry said Azerbaijani troops had opened fire first with mortars and drones near the village of Sotk. Baku rejected that account.

"The Armenian side once again resorted to provocation, and our units took adequate measures," Azerbaijan's defence ministry said in a statement.

Armenian Prime Minister Narek Sargsyan told parliament that the country would "not be drawn into a new war" but would defend every metre of its territory.

"We want peace. We are not naive," he said.

The European Union's special representative for the South Caucasus, Toomas Kask, urged both sides to show restraint and said he would travel to the region this week.

A resident of Sotk, who gave only her first name, Anahit, said families had spent the night in basements. "The children were crying until morning," she said.""",
        [
            (
                "Armenian and Azerbaijani forces exchanged fire along their shared border overnight, killing at least three soldiers",
                "indirect",
                "Armenia's defence ministry and Azerbaijan's defence ministry",
            ),
            (
                "Azerbaijani troops had opened fire first with mortars and drones near the village of Sotk",
                "indirect",
                "Armenia's defence ministry",
            ),
            (
                "The Armenian side once again resorted to provocation, and our units took adequate measures,",
                "direct",
                "Azerbaijan's defence ministry",
            ),
            (
                'the country would "not be drawn into a new war" but would defend every metre of its territory',
                "mixed",
                "Narek Sargsyan",
            ),
            ("We want peace. We are not naive,", "direct", "Narek Sargsyan"),
            ("both sides to show restraint", "indirect", "Toomas Kask"),
            ("he would travel to the region this week", "indirect", "Toomas Kask"),
            ("families had spent the night in basements", "indirect", "A resident of Sotk"),
            ("The children were crying until morning,", "direct", "A resident of Sotk"),
        ],
    ),
    (
        "brewery_merger",
        """Danish brewer Nordhavn Bryg has agreed to buy Scottish craft beer maker Glenmoss for 310 million pounds, the companies said on Monday.

Nordhavn chief executive Lise Kjær said the deal would give the group "a real foothold" in the fast-growing British craft market.

"Glenmoss has built something special. We are not going to change the recipe," Kjær told reporters on a conference call.

Glenmoss co-founder Callum Reid, who will stay on to run the Edinburgh brewery, said he had turned down two earlier offers.

"This one felt different," Reid said. "They actually asked what we wanted."

The deal is subject to approval by Britain's Competition and Markets Authority, which said it would decide by March whether to open an in-depth investigation.

Glenmoss's staff will receive shares worth about 5 million pounds in total, according to a person familiar with the terms.""",
        [
            (
                "Danish brewer Nordhavn Bryg has agreed to buy Scottish craft beer maker Glenmoss for 310 million pounds",
                "indirect",
                "Nordhavn Bryg and Glenmoss",
            ),
            (
                'the deal would give the group "a real foothold" in the fast-growing British craft market',
                "mixed",
                "Lise Kjær",
            ),
            (
                "Glenmoss has built something special. We are not going to change the recipe,",
                "direct",
                "Lise Kjær",
            ),
            ("he had turned down two earlier offers", "indirect", "Callum Reid"),
            ("This one felt different,", "direct", "Callum Reid"),
            ("They actually asked what we wanted.", "direct", "Callum Reid"),
            (
                "it would decide by March whether to open an in-depth investigation",
                "indirect",
                "Competition and Markets Authority",
            ),
            (
                "Glenmoss's staff will receive shares worth about 5 million pounds in total",
                "indirect",
                "a person familiar with the terms",
            ),
        ],
    ),
    (
        "school_heat",
        """Schools across the southern state of Varuna will close for a week from Monday because of a heatwave, the state education department said on Saturday.

Temperatures reached 46 degrees Celsius in the state capital on Friday, the highest reading in 12 years, according to the national weather service.

Education minister Deepa Rao said the closure was "a precaution, not a panic."

"Children travel long distances to school, often on foot, in the hottest part of the day. We cannot ask them to do that this week," she said.

Teachers' unions welcomed the decision but said many classrooms had no fans. The All-Varuna Teachers' Federation called on the government to fund cooling in every school before next summer.

Doctors at the state's main children's hospital reported a rise in cases of dehydration. "We are seeing five or six children a day who simply have not had enough water," said paediatrician Dr. Arjun Mehta.""",
        [
            (
                "Schools across the southern state of Varuna will close for a week from Monday because of a heatwave",
                "indirect",
                "state education department",
            ),
            (
                "Temperatures reached 46 degrees Celsius in the state capital on Friday, the highest reading in 12 years",
                "indirect",
                "national weather service",
            ),
            ('the closure was "a precaution, not a panic."', "mixed", "Deepa Rao"),
            (
                "Children travel long distances to school, often on foot, in the hottest part of the day. We cannot ask them to do that this week,",
                "direct",
                "Deepa Rao",
            ),
            ("many classrooms had no fans", "indirect", "Teachers' unions"),
            (
                "the government to fund cooling in every school before next summer",
                "indirect",
                "All-Varuna Teachers' Federation",
            ),
            (
                "a rise in cases of dehydration",
                "indirect",
                "Doctors at the state's main children's hospital",
            ),
            (
                "We are seeing five or six children a day who simply have not had enough water,",
                "direct",
                "Arjun Mehta",
            ),
        ],
    ),
]


def test_holdout_quality() -> None:
    for name, text, gold in ARTICLES:
        assert all(quote in text for quote, _, _ in gold), name
    # Each article as a .txt file of a user's folder, through the whole pipeline.
    raws = [text_document(f"holdout/{name}.txt", text) for name, text, _ in ARTICLES]
    done = run(raws)
    scores = [
        score_article(
            name, done[raw.source], [GoldQuote(q, kind, (speaker,)) for q, kind, speaker in gold]
        )
        for (name, _, gold), raw in zip(ARTICLES, raws, strict=True)
    ]
    totals = total(scores)
    # Measured: F1 0.986, speaker accuracy 0.983 (181 quotes). Left: noun-object reports
    # ("noted delays", "estimate the value at", "reported a rise"), a mis-tagged "and
    # accused", joint speakers written "their governments" and "the two countries' defence
    # ministries", "court documents" read as the court.
    assert totals.f1 >= 0.97
    assert totals.speaker_accuracy >= 0.96
