#!/usr/bin/env bash
# Build the example store: the Russia / US / NATO security-guarantee talks,
# December 2021 - February 2022, as five Arabic news reports tell them.
#
# Usage:
#   examples/security-guarantees-2022.sh [STORE]
#       STORE defaults to security-guarantees-2022.json in the current folder;
#       an existing file is never overwritten.
#   CLAIMTRACK="python -m claimtrack" examples/security-guarantees-2022.sh talks.json
#       runs claimtrack some other way (CLAIMTRACK is split on spaces).
#
# This script is also the tutorial for recording claims. It uses claimtrack
# commands only: create a store, add the sides, topics and rounds, then record
# each claim with who said it, to whom, when, about what and what kind of move
# it was, the Arabic text exactly as the article prints it, an English
# translation, and where it was reported.
#
# Conventions:
# - TEXT is a short excerpt copied character for character from the article.
# - --attribution says whose wording TEXT is: quote (the default) for the
#   speaker's own words as the article quotes them; readout for an official
#   statement's wording about the speaker (a Kremlin or Foreign Ministry statement
#   speaking of Putin or Lavrov in the third person); paraphrase for the
#   reporter's words, and for one side's position in another side's words.
# - A claim is dated on the day it was made, and belongs to a round only when it
#   was made in that meeting or exchange; a comment the next day gets --date alone.
# - --responds-to only where the article presents the claim as an answer to that
#   earlier claim.
# - A claim on several topics takes --topic once for each.
# - --tag seed:NNN names the seed article the excerpt comes from
#   (../shared/seeds/NNN_*.txt beside the repository); tests/test_examples.py
#   checks every text against it.
# - --tag background marks an article's own summary of earlier events, and
#   --tag reported a position of one side known only from another side's account.
# - A claim dated on another day than its round (or outside any round) gets --date.
# - Each 17 December demand is recorded once; the note names the other articles
#   that repeat it.
set -euo pipefail

DB=${1:-security-guarantees-2022.json}
if [[ -e "$DB" ]]; then
    echo "error: $DB already exists; refusing to overwrite it" >&2
    exit 1
fi

read -r -a CLAIMTRACK_CMD <<<"${CLAIMTRACK:-claimtrack}"
ct() { "${CLAIMTRACK_CMD[@]}" --db "$DB" "$@"; }

ct init

# --- Sides: who speaks and who is addressed -------------------------------------------
# Aliases are the names the articles use; any of them works wherever a side is taken.
ct side add russia --name Russia --alias روسيا --alias "روسيا الاتحادية" --alias موسكو \
    --alias "الجانب الروسي" --alias الكرملين --alias RU --alias "Russian Federation"
ct side add us --name "United States" --alias "الولايات المتحدة" --alias واشنطن \
    --alias "الجانب الأمريكي" --alias "الجانب الأميركي" --alias USA
ct side add nato --name NATO --alias الناتو --alias ناتو --alias "حلف الناتو" \
    --alias "حلف شمال الأطلسي" --alias "الـ ناتو"
ct side add osce --name OSCE --alias "منظمة الأمن والتعاون في أوروبا" \
    --alias "Organization for Security and Co-operation in Europe"
ct side add ukraine --name Ukraine --alias أوكرانيا --alias كييف --alias UA
ct side add france --name France --alias فرنسا --alias FR
ct side add eu --name "European Union" --alias "الاتحاد الأوروبي"

# --- Topics: what the claims are about ------------------------------------------------
ct topic add security-guarantees --title "Security guarantees" \
    --description "Russia's proposals for legally binding security guarantees as a package: the draft treaty with the US and the draft agreement with NATO." \
    --alias "الضمانات الأمنية" --alias "ضمانات أمنية" --alias "مبادرة الضمانات الأمنية"
ct topic add nato-nonexpansion --title "No further NATO expansion" \
    --description "Legal guarantees that NATO will not expand further east, including no membership for Ukraine or other former Soviet states." \
    --alias "توسع الناتو" --alias "عدم توسع الناتو" --alias "عدم التوسع شرقا" --alias "انضمام أوكرانيا"
ct topic add strike-weapons --title "No strike weapons near Russia's borders" \
    --description "No deployment of offensive (strike) weapon systems, including nuclear weapons, near Russia's borders." \
    --alias "الأسلحة الضاربة" --alias "الأسلحة الهجومية" --alias "أسلحة ضاربة" --alias "أسلحة هجومية"
ct topic add posture-1997 --title "NATO forces and infrastructure back to 1997 positions" \
    --description "Return of NATO's forces and military infrastructure in Europe to where they stood in 1997, when the NATO-Russia Founding Act was signed." \
    --alias "مواقع 1997" --alias "عام 1997" --alias "البنية التحتية"
ct topic add indivisible-security --title "Indivisible security" \
    --description "The OSCE principle that no state may strengthen its security at the expense of others', which Russia holds limits the freedom to choose alliances." \
    --alias "عدم قابلية الأمن للتجزئة" --alias "الأمن غير القابل للتجزئة" --alias "الأمن غير المنفصل"
ct topic add minsk --title "Minsk agreements and Donbas" \
    --description "Kyiv's implementation of the Minsk agreements: direct dialogue with Donetsk and Luhansk and a special status for Donbas." \
    --alias "اتفاقيات مينسك" --alias "اتفاقات مينسك" --alias مينسك --alias دونباس
ct topic add deescalation --title "De-escalation" \
    --description "De-escalation on the Russian-Ukrainian border, and calming steps in Europe." \
    --alias "وقف التصعيد" --alias "خفض التصعيد" --alias "تهدئة الموقف"
ct topic add missiles --title "Intermediate- and short-range missiles in Europe" \
    --description "Halting deployment of intermediate- and short-range missiles in Europe, with related military risk-reduction measures." \
    --alias "الصواريخ المتوسطة والقصيرة المدى" --alias الصواريخ --alias "تقليل المخاطر العسكرية"
ct topic add publish-replies --title "Publishing the written replies" \
    --description "Whether the US and NATO written replies should be made public." \
    --alias "نشر الردود" --alias "نشر الإجابة" --alias "الإفراج عن الوثائق"
ct topic add written-response --title "Written replies to Russia's proposals" \
    --description "The promise of written US and NATO replies to Russia's drafts, their delivery, Russia's study of them and its own reply." \
    --alias "رد مكتوب" --alias "ردود مكتوبة" --alias "رد كتابي"
ct topic add dialogue --title "Continuing talks" \
    --description "Whether and how to keep negotiating: further rounds and contacts, and the pace of the process." \
    --alias الحوار --alias "مواصلة الحوار" --alias المفاوضات
ct topic add sanctions --title "Sanctions" \
    --description "New US sanctions against Russia." \
    --alias العقوبات --alias عقوبات
ct topic add countermeasures --title "Russian countermeasures" \
    --description "Response measures Russia says it will take if no agreement is reached." \
    --alias "إجراءات جوابية" --alias "الإجراءات الجوابية"
ct topic add ukraine-attack --title "Alleged plans to attack Ukraine" \
    --description "Western accusations that Russia is preparing to attack Ukraine, and Russia's denials and warnings." \
    --alias "مهاجمة أوكرانيا" --alias "الهجوم على أوكرانيا" --alias الحرب
ct topic add rhetoric --title "Aggressive rhetoric" \
    --description "Russia's objection to what it calls the aggressive rhetoric of the US and its allies." \
    --alias "الخطاب العدواني"
ct topic add diplomats-kyiv --title "Safety of diplomats in Kyiv" \
    --description "Measures to protect diplomats in Kyiv as Western countries evacuate theirs." \
    --alias "أمن الدبلوماسيين" --alias "الدبلوماسيين في كييف"
ct topic add jcpoa --title "Iran nuclear deal (JCPOA)" \
    --description "Preserving and implementing the Joint Comprehensive Plan of Action and UN Security Council resolution 2231." \
    --alias "اتفاق إيران النووي" --alias "خطة العمل الشاملة المشتركة"

# --- Rounds: dated meetings, calls and exchanges, as the articles date them ----------
ct round add draft-treaties --date 2021-12-17 --name "Russia publishes draft treaties on security guarantees" \
    --party russia --party us --party nato \
    --note "The Russian Foreign Ministry published a draft treaty with the US and a draft agreement with NATO member states." \
    --alias "مسودات معاهدة" --alias "مسودة اتفاقيات" --alias "مشروعي اتفاقيتين"
ct round add geneva --date 2022-01-09 --end 2022-01-10 --name "Russia-US talks on security guarantees" \
    --venue Geneva --party russia --party us \
    --note "Deputy foreign minister level; Sergei Ryabkov led for Russia." \
    --alias جنيف --alias "محادثات جنيف" --alias "مشاورات جنيف"
ct round add nrc --date 2022-01-12 --name "NATO-Russia Council" \
    --venue Brussels --party russia --party nato \
    --note "The articles mention this meeting but report no claims made at it." \
    --alias "مجلس روسيا - الناتو" --alias "مجلس روسيا-الناتو" --alias "مجلس روسيا الناتو" \
    --alias "مجلس روسيا والـ ناتو"
ct round add osce --date 2022-01-13 --name "OSCE Permanent Council" \
    --venue Vienna --party russia --party osce \
    --note "The articles mention this meeting but report no claims made at it." \
    --alias "المجلس الدائم لمنظمة الأمن والتعاون في أوروبا" --alias فيينا
ct round add lavrov-blinken --date 2022-01-21 --name "Lavrov-Blinken meeting" \
    --venue Geneva --party russia --party us \
    --note "Foreign ministers' meeting of about an hour and a half." \
    --alias "اجتماع لافروف وبلينكن" --alias "لقاء لافروف وبلينكن"
ct round add written-replies --date 2022-01-26 --name "US and NATO written replies" \
    --party us --party nato --party russia \
    --note "The US and NATO handed Russia written replies to its draft treaties." \
    --alias "الردود المكتوبة" --alias "ردود 26 يناير"
ct round add putin-macron --date 2022-01-28 --name "Putin-Macron phone call" \
    --venue telephone --party russia --party france \
    --note "Known from the Kremlin readout." \
    --alias "اتصال بوتين وماكرون" --alias "مكالمة بوتين وماكرون"
ct round add putin-biden --date 2022-02-12 --name "Putin-Biden phone call" \
    --venue telephone --party russia --party us \
    --alias "محادثة بوتين وبايدن" --alias "اتصال بوتين وبايدن"
ct round add lavrov-putin --date 2022-02-14 --name "Lavrov reports to Putin" \
    --party russia \
    --note "Lavrov's report to Putin on the US and NATO replies." \
    --alias "اجتماع لافروف وبوتين" --alias "اجتماع بوتين ولافروف"
ct round add lavrov-blinken-call --date 2022-02-15 --name "Lavrov-Blinken phone call" \
    --venue telephone --party russia --party us \
    --note "Made at the US side's initiative." \
    --alias "محادثة لافروف وبلينكن" --alias "اتصال لافروف وبلينكن"

# --- Sources ----------------------------------------------------------------------------
# One set of options per article: the outlet, the report's date, and the seed tag.
# Dates may be typed as the datelines print them (Arabic digits and month names
# included); they are stored as YYYY-MM-DD.
# seed:000  TASS (republished by the "Russia - Islamic World" group)
A000=(--source TASS --published "٢١ يناير ٢٠٢٢" --tag seed:000)
# seed:001  Sputnik via UrduPoint
A001=(--source Sputnik --published "11 كانون الثاني 2022ء" --tag seed:001)
# seed:002  the Kremlin readout of the Putin-Macron call, then Lavrov's interview
#           with Russian radio stations (the site itself is not named)
A002_KREMLIN=(--source "Kremlin readout" --published "28 January 2022" --tag seed:002)
A002_RADIO=(--source "Russian radio interview" --published "28 January 2022" --tag seed:002)
# seed:003  Sputnik via UrduPoint
A003=(--source Sputnik --published "15 فبراير 2022ء" --tag seed:003)
# seed:004  undated; "today (Monday)" is the Lavrov-Putin meeting of 14 February 2022.
#           It quotes Sputnik for Lavrov and Putin and TASS for Oleg Postnikov.
A004=(--source Sputnik --published 2022-02-14 --tag seed:004)
A004_TASS=(--source TASS --published 2022-02-14 --tag seed:004)

# --- 17 Dec 2021: Russia's draft treaties --------------------------------------------
# Every article recalls the drafts in a background paragraph. Each demand is
# recorded once, from the article that states it most fully; the note names the
# other articles that repeat it. `record` prints only the new claim's id, so keep
# it in a variable: later replies point to it.
drafts=$(ct record "${A000[@]}" --round draft-treaties --side russia --to us --to nato \
    --topic security-guarantees --kind proposal --speaker "Russian Foreign Ministry" \
    --attribution paraphrase --tag background \
    --note "Also recalled by Sputnik on 11 January (seed:001), by the 14 February report (seed:004) and by Sputnik on 15 February (seed:003, which dates the drafts to the end of 2021)." \
    --translation "On 17 December 2021 the Russian Foreign Ministry published draft treaties with the United States on security guarantees, and an agreement on measures to ensure the security of Russia and NATO member states." \
    'وزارة الخارجية الروسية نشرت، في 17 ديسمبر/كانون الأول 2021، مسودات معاهدة مع الولايات المتحدة بشأن الضمانات الأمنية، واتفاقية بشأن تدابير ضمان أمن روسيا والدول الأعضاء في الـ ناتو')
# A topic may be named by an Arabic alias too.
ct record "${A001[@]}" --round draft-treaties --side روسيا --to nato --to us \
    --topic "توسع الناتو" --kind demand --speaker "Russian Foreign Ministry" \
    --attribution paraphrase --tag background \
    --note "Also in the 14 February report (seed:004: رفض التوجه التوسعي لحلف الناتو ، بما في ذلك رفض طلب أوكرانيا للانضمام إلى الحلف) and in Sputnik on 15 February (seed:003: تطالب موسكو بضمانات حول عدم توسع حلف الناتو شرقاً باتجاه حدودها)." \
    --translation "NATO to give Moscow guarantees that it will not expand eastwards, and not to let Ukraine or other former Soviet states join the military alliance." \
    'تقديم حلف "الناتو" ضمانات إلى موسكو بعدم التوسع شرقا، وعدم السماح بانضمام أوكرانيا أو دول الاتحاد السوفياتي السابق إلى الحلف العسكري'
ct record "${A004[@]}" --round draft-treaties --side russia --to us --to nato \
    --topic strike-weapons --kind demand --speaker "Russian Foreign Ministry" \
    --attribution paraphrase --tag background \
    --note "Also in Sputnik on 15 February (seed:003: عدم نشر أسلحة ضاربة)." \
    --translation "Restricting the deployment of dangerous offensive weapons, including nuclear weapons." \
    'تقييد نشر أسلحة هجومية خطيرة ، بما في ذلك الأسلحة النووية'
ct record "${A003[@]}" --round draft-treaties --side russia --to nato --to us \
    --topic posture-1997 --kind demand --speaker "Russian Foreign Ministry" \
    --attribution paraphrase --tag background \
    --note "Only this article states this demand; it dates the drafts to the end of 2021 and puts Moscow's demands in the present tense." \
    --translation "The military-political configuration in Europe to return to what it was in 1997." \
    'عودة التشكيلات العسكرية السياسية في أوروبا إلى ما كانت عليه عام 1997'

# --- 9-10 Jan 2022: Russia-US talks in Geneva -------------------------------------------
# Ryabkov spoke to journalists as the talks ended on 10 January, about what Russia
# put to the Americans in them, so --date overrides the round's start date. Text
# inside quotation marks in the article is the speaker's own words: the default
# attribution, quote.
ct record "${A001[@]}" --round geneva --date 2022-01-10 --side russia \
    --topic dialogue --kind statement --speaker "Sergei Ryabkov" \
    --translation "We came away with the impression that the American side took the Russian proposals seriously and studied them in depth." \
    'وصلنا إلى انطباع أن الجانب الأميركي أخذ المقترحات الروسية على محمل الجد، وأجرى دراسة معمقة'
ct record "${A001[@]}" --round geneva --date 2022-01-10 --side russia --to us \
    --topic nato-nonexpansion --kind demand --speaker "Sergei Ryabkov" \
    --translation "Obtaining legal guarantees that NATO will not expand is an absolute necessity." \
    'يعد الحصول على ضمانات قانونية بعدم توسع الناتو ضرورة مطلقة'
ct record "${A001[@]}" --round geneva --date 2022-01-10 --side russia --to us \
    --topic strike-weapons --kind demand --speaker "Sergei Ryabkov" \
    --translation "There is a need to obtain legal guarantees that offensive weapons will not be deployed on Russia's borders." \
    'توجد ضرورة للحصول على ضمانات قانونية بأن الأسلحة الهجومية لن يتم نشرها على الحدود الروسية'
ct record "${A001[@]}" --round geneva --date 2022-01-10 --side russia --to us \
    --topic posture-1997 --kind demand --speaker "Sergei Ryabkov" \
    --translation "NATO must give up making use (for its own purposes) of the territory of the states that joined NATO after 1997." \
    'ضرورة تخلي الناتو عن الاستحواذ (تبعاً لأهدافه) على أراضي الدول التي انضمت إلى الناتو ما بعد عام 1997'
ct record "${A001[@]}" --round geneva --date 2022-01-10 --side russia --to us \
    --topic ukraine-attack --kind statement --speaker "Sergei Ryabkov" \
    --translation "We have no plans or intentions to 'attack' Ukraine, nor can we have any; all combat training of our troops takes place on our own territory." \
    'ليس لدينا ولا يمكن أن يكون أي خطط أو نوايا "لمهاجمة" أوكرانيا، ويتم تنفيذ جميع إجراءات التدريب القتالي للقوات داخل أراضينا'

# --- 11 Jan 2022: the Kremlin's verdict on Geneva ----------------------------------------
# Peskov spoke to journalists in Moscow the day after the talks: a comment on the
# round, not part of it, so --date and no --round.
ct record "${A001[@]}" --date 2022-01-11 --side russia \
    --topic dialogue --kind statement --speaker "Dmitry Peskov" \
    --translation "We see no substantial reason for optimism." \
    'لا نرى سبباً جوهرياً للتفاؤل'
ct record "${A001[@]}" --date 2022-01-11 --side russia \
    --topic dialogue --kind statement --speaker "Dmitry Peskov" \
    --translation "There are no clear deadlines here; of course, nobody sets them." \
    'لا توجد مواعيد نهائية واضحة هنا، بالطبع ، لا أحد يحددها'
ct record "${A001[@]}" --date 2022-01-11 --side russia \
    --topic dialogue --kind statement --speaker "Dmitry Peskov" \
    --translation "There is only Russia's position that we are not at all satisfied with the endless dragging-out of this process." \
    'هناك فقط موقف روسيا بأننا لسنا راضين تماما عن التباطؤ اللامتناهي في هذه العملية'

# --- 21 Jan 2022: Lavrov and Blinken in Geneva -----------------------------------------
# Lavrov's words to journalists after the meeting. Where the article gives his
# words in the reporter's own, the attribution is paraphrase.
ct record "${A000[@]}" --round lavrov-blinken --side russia \
    --topic written-response --kind statement --speaker "Sergei Lavrov" --attribution paraphrase \
    --translation "His meeting with his US counterpart will help the United States prepare replies to the Russian proposals on security guarantees." \
    'اجتماعه مع نظيره الأمريكي سيساعد الولايات المتحدة في إعداد ردود على المقترحات الروسية بشأن الضمانات الأمنية'
# Russia did not restate its Geneva demands at this meeting: they stand. The claim
# is about how the talks are conducted (dialogue), not a new move on those topics.
ct record "${A000[@]}" --round lavrov-blinken --side russia --to us \
    --topic dialogue --kind statement --speaker "Sergei Lavrov" \
    --note "Russia's Geneva (10 January) and NATO-Russia Council (12 January) positions were not repeated at this meeting, not withdrawn." \
    --translation "We did not need to repeat everything that was said at the Russian-US talks here in Geneva (Switzerland) on 10 January, and at the talks in the Russia-NATO Council on 12 January. Of course, we did not repeat it." \
    'لم نكن بحاجة إلى تكرار كل ما قيل في المحادثات الروسية - الأمريكية هنا في جنيف (سويسرا) يوم 10 يناير (الجاري)، وفي المحادثات في مجلس روسيا وحلف (شمال الأطلسي) الـ ناتو في 12 يناير. بالطبع، لم نكرّر ذلك'
# The US positions here are known only from Lavrov's account, which names no
# American speaker ("our American colleagues"): US claims in Lavrov's words, so
# paraphrase, no --speaker, and tagged `reported`.
ct record "${A000[@]}" --round lavrov-blinken --side us --to russia \
    --topic security-guarantees --kind response --attribution paraphrase --tag reported \
    --note "Lavrov's account: the first US reaction, given orally, came with clarifying questions addressed to Russia (ورافقه بعض الأسئلة التوضيحية الموجهة إلينا), whose answers will help the US prepare its written reply; \"all this happened today\"." \
    --translation "We heard the first reaction of the United States, orally, to what was discussed in these two formats at the level of our deputies." \
    'سمعنا أول رد فعل من الولايات المتحدة بشكل شفهي على ما تمت مناقشته بهاتين الصيغتين على مستوى نوابنا'
us_deescalation=$(ct record "${A000[@]}" --round lavrov-blinken --side us --to russia \
    --topic deescalation --kind demand --attribution paraphrase --tag reported \
    --note "Lavrov's account of the US position." \
    --translation "Our American colleagues again tried to put the problems on the Russian-Ukrainian border first, and tried to make everything else conditional on the need for so-called de-escalation." \
    'حاول زملاؤنا الأمريكيون مرة أخرى وضع المشاكل على الحدود بين روسيا وأوكرانيا في المقدمة، وحاولوا أن يشرطوا كل شيء آخر بالحاجة إلى ما يسمى بوقف التصعيد')
# --responds-to links an answer to the claim it answers, where the article says
# it answers it: here "this" is the US attempt of the sentence before.
ct record "${A000[@]}" --round lavrov-blinken --side russia --to us \
    --topic deescalation --kind rejection --speaker "Sergei Lavrov" \
    --responds-to "$us_deescalation" \
    --translation "This has already become a kind of mantra." \
    'أصبح هذا بالفعل بمثابة تعويذة'
ct record "${A000[@]}" --round lavrov-blinken --side us --to russia \
    --topic written-response --kind proposal --speaker "Antony Blinken" \
    --attribution paraphrase --tag reported \
    --note "Lavrov reporting what Blinken said." \
    --translation "[Blinken said he was] satisfied with the exchange of views, which will help them next week - this has been confirmed several times already - to provide us with a written reply." \
    'راض عن تبادل الآراء الذي جرى، والذي سيساعدهم الأسبوع المقبل - وقد تم التأكيد على هذا عدة مرات بالفعل - لتزويدنا برد كتابي'
ct record "${A000[@]}" --round lavrov-blinken --side russia --to us \
    --topic written-response --kind acceptance --speaker "Sergei Lavrov" --attribution paraphrase \
    --translation "The Russian Federation and the United States agreed that Washington will send written replies to the Russian proposals on security guarantees next week." \
    'روسيا الاتحادية والولايات المتحدة اتفقتا على أن ترسل واشنطن ردودا مكتوبة على المقترحات الروسية الخاصة بضمانات أمنية الأسبوع المقبل'
us_alliances=$(ct record "${A000[@]}" --round lavrov-blinken --side us --to russia \
    --topic nato-nonexpansion --kind rejection --attribution paraphrase --tag reported \
    --note "Lavrov's account: the US again argued that states are free to choose their alliances, against Russia's demand for guarantees of no NATO expansion." \
    --translation "Some repetition of the argument about freedom of choice, freedom to choose alliances, military alliances." \
    'بعض التكرار للجدل حول حرية الاختيار، وحرية اختيار التحالفات، والتحالفات العسكرية')
# "..., but we cited": Lavrov's answer to that argument, in the same sentence.
ct record "${A000[@]}" --round lavrov-blinken --side russia --to us \
    --topic indivisible-security --kind response --speaker "Sergei Lavrov" \
    --responds-to "$us_alliances" \
    --translation "We cited a number of documents in which the freedom to choose alliances is conditional on avoiding any steps that would strengthen one state's security at the expense of the security of others." \
    'استشهدنا بعدد من الوثائق التي تكون فيها حرية اختيار التحالفات مشروطة بضرورة تجنب أي خطوات، من شأنها تعزيز أمن دولة ما على حساب أمن الدول الأخرى'
ct record "${A000[@]}" --round lavrov-blinken --side russia --to us \
    --topic indivisible-security --kind demand --speaker "Sergei Lavrov" \
    --translation "We asked Antony Blinken and his team to explain to us how they interpret this part of the commitments adopted at the political level in the OSCE." \
    'لقد طلبنا من أنتوني بلينكن وفريقه أن يشرحوا لنا كيف يفسرون هذا الجزء من الالتزامات التي تم تبنيها على المستوى السياسي في منظمة الأمن والتعاون في أوروبا'
ct record "${A000[@]}" --round lavrov-blinken --side russia --to us \
    --topic publish-replies --kind proposal --speaker "Sergei Lavrov" \
    --translation "I think it would be right to make this answer public, and I will ask Antony Blinken that they not object to that." \
    'أعتقد أنه سيكون من الصواب نشر هذه الإجابة على الملأ، وسأطلب من أنتوني بلينكن ألا يعترضوا على ذلك'
ct record "${A000[@]}" --round lavrov-blinken --side russia \
    --topic written-response --kind statement --speaker "Sergei Lavrov" \
    --translation "I cannot say whether we are on the right track or the wrong one. We will understand that when we get the American reaction on paper on all the points of our proposals." \
    'لا أستطيع أن أقول ما إذا كنا على الطريق الصحيح أو على المسار الخطأ. سوف نفهم ذلك عندما نحصل على رد الفعل الأمريكي على الورق بخصوص جميع نقاط مقترحاتنا'

# --- 26 Jan 2022: the US and NATO written replies ---------------------------------------
# The replies were not published; the articles give their gist.
us_replies=$(ct record "${A004[@]}" --round written-replies --side us --to russia \
    --topic written-response --kind response --attribution paraphrase --tag background \
    --responds-to "$drafts" \
    --translation "The United States and NATO gave Russia written replies to the proposals." \
    'قدمت الولايات المتحدة وحلف شمال الأطلسي لروسيا ردودًا مكتوبة على المقترحات')
ct record "${A004[@]}" --round written-replies --side nato --to russia \
    --topic written-response --kind response --attribution paraphrase --tag background \
    --responds-to "$drafts" \
    --translation "The United States and NATO gave Russia written replies to the proposals." \
    'قدمت الولايات المتحدة وحلف شمال الأطلسي لروسيا ردودًا مكتوبة على المقترحات'
# One rejection of Russia's principles as a whole: it answers every demand of the
# drafts, so it carries all their topics.
us_principles=$(ct record "${A004[@]}" --round written-replies --side us --to russia \
    --topic security-guarantees --topic nato-nonexpansion --topic strike-weapons --topic posture-1997 \
    --kind rejection --speaker "Antony Blinken" --attribution paraphrase --tag background \
    --responds-to "$drafts" \
    --note "Blinken and Stoltenberg cited the replies' main provisions." \
    --translation "The West does not agree with the principles Russia set out." \
    'الغرب لا يوافق على المبادئ التي وضعتها روسيا')
ct record "${A004[@]}" --round written-replies --side nato --to russia \
    --topic security-guarantees --topic nato-nonexpansion --topic strike-weapons --topic posture-1997 \
    --kind rejection --speaker "Jens Stoltenberg" --attribution paraphrase --tag background \
    --responds-to "$drafts" \
    --note "Blinken and Stoltenberg cited the replies' main provisions." \
    --translation "The West does not agree with the principles Russia set out." \
    'الغرب لا يوافق على المبادئ التي وضعتها روسيا'
ct record "${A004[@]}" --round written-replies --side us --to russia \
    --topic dialogue --kind proposal --speaker "Antony Blinken" --attribution paraphrase --tag background \
    --translation "[But the West] set out details of future negotiations." \
    'أوضح تفاصيل المفاوضات المستقبلية'
ct record "${A004[@]}" --round written-replies --side nato --to russia \
    --topic dialogue --kind proposal --speaker "Jens Stoltenberg" --attribution paraphrase --tag background \
    --translation "[But the West] set out details of future negotiations." \
    'أوضح تفاصيل المفاوضات المستقبلية'
ct record "${A004[@]}" --round written-replies --side us --to russia \
    --topic publish-replies --kind rejection --attribution paraphrase --tag background \
    --note "The article does not date the request; recorded with the replies." \
    --translation "The United States asked that the documents not be released." \
    'طلبت الولايات المتحدة عدم الإفراج عن الوثائق'
# Known from Lavrov's reading of the replies on 15 February (seed:003).
ct record "${A003[@]}" --round written-replies --side us --to russia \
    --topic missiles --kind acceptance --attribution paraphrase --tag reported \
    --note "Lavrov's characterisation on 15 February; the article's next sentence names the initiatives: reducing military risks and halting deployment of intermediate- and short-range missiles in Europe." \
    --translation "[The US and NATO] responded positively in their documents to Russian security initiatives they had long rejected." \
    'ردا في وثائقهما بشكل إيجابي على المبادرات الأمنية الروسية التي كانا يرفضانها منذ فترة طويلة'
ct record "${A003[@]}" --round written-replies --side nato --to russia \
    --topic missiles --kind acceptance --attribution paraphrase --tag reported \
    --note "Lavrov's characterisation on 15 February; the article's next sentence names the initiatives: reducing military risks and halting deployment of intermediate- and short-range missiles in Europe." \
    --translation "[The US and NATO] responded positively in their documents to Russian security initiatives they had long rejected." \
    'ردا في وثائقهما بشكل إيجابي على المبادرات الأمنية الروسية التي كانا يرفضانها منذ فترة طويلة'

# --- 28 Jan 2022: Putin tells Macron the replies miss Russia's core concerns -----------
# Everything here comes from the Kremlin's statement on the call, which speaks of
# Putin in the third person: readout, even where the article puts the statement's
# words in quotation marks.
ct record "${A002_KREMLIN[@]}" --round putin-macron --side russia --to france \
    --topic written-response --kind statement --speaker "Vladimir Putin" --attribution readout \
    --translation "The Russian side will carefully study the written replies received on 26 January from the United States and NATO to the two draft agreements on security guarantees, and will then decide on further action." \
    'الجانب الروسي سيدرس بعناية الردود المكتوبة التي وردت في 26 كانون الثاني/يناير من الولايات المتحدة وحلف شمال الأطلسي على مشروعي اتفاقيتين بشأن الضمانات الأمنية، وبعد ذلك سيقرّر في اتخاذ إجراءات لاحقة'
ct record "${A002_KREMLIN[@]}" --round putin-macron --side russia --to france \
    --topic security-guarantees --kind response --speaker "Vladimir Putin" --attribution readout \
    --responds-to "$us_principles" \
    --translation "The replies of Washington and NATO did not take Russia's fundamental concerns into account." \
    'ردود واشنطن و"الناتو" لم تأخذ في الاعتبار الهواجس الأساسيّة لروسيا'
# The concerns the replies left out, restated: demands aimed at the US and NATO.
ct record "${A002_KREMLIN[@]}" --round putin-macron --side russia --to france --to us --to nato \
    --topic nato-nonexpansion --kind demand --speaker "Vladimir Putin" --attribution readout \
    --translation "Preventing NATO expansion." \
    'منع توسّع الناتو'
ct record "${A002_KREMLIN[@]}" --round putin-macron --side russia --to france --to us --to nato \
    --topic strike-weapons --kind demand --speaker "Vladimir Putin" --attribution readout \
    --translation "No deployment of strike weapon systems near Russia's borders." \
    'رفض نشر أنظمة الأسلحة الضاربة بالقرب من الحدود الروسية'
ct record "${A002_KREMLIN[@]}" --round putin-macron --side russia --to france --to us --to nato \
    --topic posture-1997 --kind demand --speaker "Vladimir Putin" --attribution readout \
    --translation "The return of the bloc's military capabilities and infrastructure in Europe to the positions they held in 1997, when the NATO-Russia Founding Act was signed." \
    'عودة القدرات العسكرية والبنية التحتية للكتلة في أوروبا إلى المواقع التي كانت تحتلها عام 1997، عندما تمّ توقيع الوثيقة الأساسية للعلاقات بين روسيا والناتو'
ct record "${A002_KREMLIN[@]}" --round putin-macron --side russia --to france \
    --topic indivisible-security --kind response --speaker "Vladimir Putin" --attribution readout \
    --responds-to "$us_replies" \
    --translation "The US and NATO replies ignored the key question: how the United States and its allies intend to follow the principle of indivisible security." \
    'تجاهلت الردود الأمريكية الأطلسية المسألة المحورية وهي: كيف تعتزم الولايات المتحدة وحلفاؤها اتباع مبدأ عدم قابلية الأمن للتجزئة'
ct record "${A002_KREMLIN[@]}" --round putin-macron --side russia --to ukraine --to france \
    --topic minsk --kind demand --speaker "Vladimir Putin" --attribution readout \
    --translation "The importance of Kyiv's strict compliance with the Minsk agreements and other agreements, above all on opening a direct dialogue with Donetsk and Luhansk and giving legal form to the special status of Donbas." \
    'أهمية امتثال كييف الصارم لاتفاقيات مينسك وغيرها من الاتفاقيات، وبالدرجة الأولى فيما يخصّ فتح حوار مباشر مع دونيتسك ولوغانسك وإضفاء الصفة الشرعية على الوضع الخاص لمنطقة دونباس'
# What both presidents noted or agreed: one claim per side. France's is known only
# from the Kremlin's statement, so it is tagged `reported`.
ct record "${A002_KREMLIN[@]}" --round putin-macron --side russia --to france \
    --topic jcpoa --kind statement --speaker "Vladimir Putin" --attribution readout \
    --translation "The closeness of the positions of Russia and France, which actively support continued international efforts to preserve and implement the Joint Comprehensive Plan of Action." \
    'التقارب في مواقف روسيا وفرنسا الداعمتين بنشاط لاستمرار الجهود الدولية للحفاظ على خطة العمل الشاملة المشتركة وتنفيذها'
ct record "${A002_KREMLIN[@]}" --round putin-macron --side france --to russia \
    --topic jcpoa --kind statement --speaker "Emmanuel Macron" --attribution readout --tag reported \
    --translation "The closeness of the positions of Russia and France, which actively support continued international efforts to preserve and implement the Joint Comprehensive Plan of Action." \
    'التقارب في مواقف روسيا وفرنسا الداعمتين بنشاط لاستمرار الجهود الدولية للحفاظ على خطة العمل الشاملة المشتركة وتنفيذها'
ct record "${A002_KREMLIN[@]}" --round putin-macron --side russia --to france \
    --topic dialogue --kind acceptance --speaker "Vladimir Putin" --attribution readout \
    --translation "Putin and Macron agreed to stay in close contact and to continue the Russian-French dialogue on the whole range of European security issues." \
    'بوتين وماكرون اتفقا على البقاء على اتصال وثيق، ومواصلة الحوار الروسي الفرنسي حول مجمل قضايا الأمن الأوروبي'
ct record "${A002_KREMLIN[@]}" --round putin-macron --side france --to russia \
    --topic dialogue --kind acceptance --speaker "Emmanuel Macron" --attribution readout --tag reported \
    --translation "Putin and Macron agreed to stay in close contact and to continue the Russian-French dialogue on the whole range of European security issues." \
    'بوتين وماكرون اتفقا على البقاء على اتصال وثيق، ومواصلة الحوار الروسي الفرنسي حول مجمل قضايا الأمن الأوروبي'

# --- 28 Jan 2022: Lavrov's radio interview ---------------------------------------------
# Not part of any round: --date is required instead.
ct record "${A002_RADIO[@]}" --date 2022-01-28 --side russia --to us --to nato \
    --topic security-guarantees --kind warning --speaker "Sergei Lavrov" \
    --translation "The negotiations with the West on security guarantees are not over yet, and we will not allow anyone to ignore our interests." \
    'المفاوضات مع الغرب بشأن الضمانات الأمنية لم تنتهِ بعد، ولن نسمح لأحد بتجاهل مصالحنا'
ct record "${A002_RADIO[@]}" --date 2022-01-28 --side russia --to us --to nato \
    --topic security-guarantees --kind response --speaker "Sergei Lavrov" \
    --responds-to "$us_replies" \
    --translation "The constructive points in the Western reply to the 'security guarantees initiative' rest on earlier Russian proposals." \
    'النقاط البنّاءة في الردّ الغربي على "مبادرة الضمانات الأمنية" تعتمد على اقتراحات روسية سابقة'
ct record "${A002_RADIO[@]}" --date 2022-01-28 --side russia --to us --to nato \
    --topic ukraine-attack --kind warning --speaker "Sergei Lavrov" \
    --translation "There will be no war if it depends on Russia, but we will not let anyone encroach on our interests." \
    'الحرب لن تشتعل إذا توقّف ذلك على روسيا لكنّنا لن نسمح لأحد بالاعتداء على مصالحنا'
lavrov_osce_query=$(ct record "${A002_RADIO[@]}" --date 2022-01-28 --side russia --to us --to osce \
    --topic indivisible-security --kind demand --speaker "Sergei Lavrov" \
    --note "A query to his OSCE counterparts about their own countries' commitments." \
    --translation "Today I will send my colleagues a query on how their countries apply their commitments within the OSCE on indivisible security." \
    'سأطرح على زملائي اليوم استفسارًا بشأن كيفية تطبيق دولهم التزاماتها ضمن منظمة الأمن والتعاون في أوروبا بشأن الأمن غير القابل للتجزئة')
ct record "${A002_RADIO[@]}" --date 2022-01-28 --side russia --to us --to nato \
    --topic countermeasures --kind warning --speaker "Sergei Lavrov" \
    --translation "Russia will take response measures if no agreement is reached with the West on the principles of ensuring security in Europe." \
    'روسيا ستتخذ إجراءات جوابيّة إن لم يتم الاتفاق مع الغرب على مبادئ ضمان الأمن في أوروبا'
ct record "${A002_RADIO[@]}" --date 2022-01-28 --side russia --to us \
    --topic sanctions --kind warning --speaker "Sergei Lavrov" \
    --translation "Washington's adoption of a new package of sanctions against Russia would amount to breaking off relations." \
    'تبنّي واشنطن حزمة عقوبات جديدة ضد روسيا سيكون بمثابة قطع للعلاقات'
ct record "${A002_RADIO[@]}" --date 2022-01-28 --side russia \
    --topic security-guarantees --kind statement --speaker "Sergei Lavrov" \
    --translation "The United States and NATO are trying to escape responsibility on security issues." \
    'الولايات المتحدة والناتو يحاولان الهروب من المسؤولية بشأن القضايا الأمنية'
ct record "${A002_RADIO[@]}" --date 2022-01-28 --side russia --to us \
    --topic security-guarantees --kind warning --speaker "Sergei Lavrov" \
    --translation "Russia will not change its position on security guarantees, and there is no room for compromise if Washington keeps distorting Moscow's arguments." \
    'روسيا لن تغيّر موقفها بخصوص الضمانات الأمنيّة وليس هناك مجالًا لحلّ وسط إذا استمرّت واشنطن في تشويه براهين موسكو'
# An assessment of who holds the key, not a demand.
ct record "${A002_RADIO[@]}" --date 2022-01-28 --side russia --to us \
    --topic minsk --kind statement --speaker "Sergei Lavrov" \
    --translation "No one but the United States can make Kyiv implement the Minsk agreements." \
    'ليس بإمكان أحد سوى الولايات المتحدة إجبار كييف على تطبيق اتفاقات مينسك'
ct record "${A002_RADIO[@]}" --date 2022-01-28 --side russia \
    --topic diplomats-kyiv --kind statement --speaker "Sergei Lavrov" \
    --translation "We may consider measures to ensure the safety of our diplomats in Kyiv as Western countries evacuate their diplomats." \
    'قد ندرس اتخاذ إجراءات لضمان أمن دبلوماسيينا في كييف في ظل إجلاء دول غربية دبلوماسييها'
# An accusation made on Russian radio, addressed to no one: a statement, about
# the war in Donbas and who might start one.
ct record "${A002_RADIO[@]}" --date 2022-01-28 --side russia \
    --topic minsk --topic ukraine-attack --kind statement --speaker "Sergei Lavrov" \
    --translation "There are parties seeking to stoke war in south-eastern Ukraine, and Kyiv does not control part of its forces." \
    'وجود أطراف تسعى إلى تأجيج الحرب في جنوب شرقي أوكرانيا وكييف لا تسيطر على جزء من قواتها'

# --- 12 Feb 2022: Putin and Biden agree to keep working -----------------------------------
# Known from the Russian Foreign Ministry's statement on the 15 February call
# (seed:003), which speaks of both presidents in the third person.
ct record "${A003[@]}" --round putin-biden --side russia --to us \
    --topic dialogue --kind acceptance --speaker "Vladimir Putin" --attribution readout \
    --note "From the Russian Foreign Ministry's statement on the 15 February Lavrov-Blinken call: the presidents agreed to keep working together." \
    --translation "As Presidents Putin and Biden agreed in their phone call on 12 February." \
    'كما اتفق عليه الرئيسان بوتين وبايدن في محادثتهما الهاتفية يوم 12 شباط/فبراير'
ct record "${A003[@]}" --round putin-biden --side us --to russia \
    --topic dialogue --kind acceptance --speaker "Joe Biden" --attribution readout --tag reported \
    --note "From the Russian Foreign Ministry's statement on the 15 February Lavrov-Blinken call: the presidents agreed to keep working together." \
    --translation "As Presidents Putin and Biden agreed in their phone call on 12 February." \
    'كما اتفق عليه الرئيسان بوتين وبايدن في محادثتهما الهاتفية يوم 12 شباط/فبراير'

# --- 14 Feb 2022: Lavrov reports to Putin ---------------------------------------------------
# Sputnik, the next day: "yesterday, Monday". An assessment made to Putin, not a
# proposal to the West.
ct record "${A003[@]}" --round lavrov-putin --side russia \
    --topic dialogue --kind statement --speaker "Sergei Lavrov" --attribution paraphrase \
    --translation "The opportunities for dialogue between Moscow and the West on security guarantees are not yet exhausted; there is always a chance of reaching agreement with the West on the Russian proposals on security guarantees." \
    'فرص الحوار بين موسكو والغرب بشأن الضمانات الأمنية لم تستنفذ بعد؛ مشيرا إلى أن هناك دائما فرصة للتوصل إلى اتفاق مع الغرب بشأن المقترحات الروسية حول الضمانات الأمنية'
ct record "${A004[@]}" --round lavrov-putin --side russia \
    --topic security-guarantees --kind response --speaker "Sergei Lavrov" --attribution paraphrase \
    --responds-to "$us_principles" \
    --translation "Washington's response to Russia's main demands for security guarantees was negative." \
    'استجابة واشنطن لمطالب روسيا الرئيسية بضمانات أمنية جاءت سلبية'
ct record "${A004[@]}" --round lavrov-putin --side russia \
    --topic written-response --kind response --speaker "Sergei Lavrov" \
    --responds-to "$us_replies" \
    --note "First-person words continuing Lavrov's quotation; the article's closing quotation mark falls earlier, mid-sentence." \
    --translation "We welcome the US reply, because in this case everyone knows who plays the main role in settling these questions in the Western camp." \
    'نرحب برد الولايات المتحدة ، لأنه في هذه الحالة الجميع يعرف من يلعب دورًا رئيسيًا في حل هذه القضايا في المعسكر الغربي'
ct record "${A004[@]}" --round lavrov-putin --side russia \
    --topic indivisible-security --kind statement --speaker "Sergei Lavrov" --attribution paraphrase \
    --translation "Moscow's messages on the principle of indivisible security were ignored by the Western countries." \
    'رسائل موسكو حول مبدأ الأمن غير المنفصل قد تجاهلت من قبل الدول الغربية'
# The EU and NATO answered Lavrov's query together instead of country by country.
# The article does not date that answer: it is dated by the report that mentions it.
ct record "${A004[@]}" --date 2022-02-14 --side eu --to russia \
    --topic indivisible-security --kind response --attribution paraphrase --tag reported \
    --responds-to "$lavrov_osce_query" \
    --note "Undated in the article; Lavrov mentioned it on 14 February." \
    --translation "Russia received only a collective reply from the European Union and NATO." \
    'روسيا لم تتلق سوى رد جماعي من الاتحاد الأوروبي وحلف شمال الأطلسي'
ct record "${A004[@]}" --date 2022-02-14 --side nato --to russia \
    --topic indivisible-security --kind response --attribution paraphrase --tag reported \
    --responds-to "$lavrov_osce_query" \
    --note "Undated in the article; Lavrov mentioned it on 14 February." \
    --translation "Russia received only a collective reply from the European Union and NATO." \
    'روسيا لم تتلق سوى رد جماعي من الاتحاد الأوروبي وحلف شمال الأطلسي'
# Putin, answering Lavrov, describes the replies. «تطور» is "development".
ct record "${A004[@]}" --round lavrov-putin --side russia \
    --topic nato-nonexpansion --kind statement --speaker "Vladimir Putin" \
    --note "Putin describing to Lavrov the replies Russia received; the article says he spoke in answer to Lavrov." \
    --translation "...in response to our concerns about what we see as NATO's endless and dangerous development in the east. At present this development is taking place at the expense of the former Soviet republics, including Ukraine." \
    'استجابةً لمخاوفنا بشأن ما نراه تطورًا لا نهاية له وخطيرًا لحلف شمال الأطلسي في الشرق. حاليًا ، يتم هذا التطور على حساب الجمهوريات السوفيتية السابقة ، بما في ذلك أوكرانيا'
# Oleg Postnikov spoke at the Federation Council; the article does not say when.
ct record "${A004_TASS[@]}" --date 2022-02-14 --side russia \
    --topic written-response --kind statement --speaker "Oleg Postnikov" \
    --note "Said at a Federation Council meeting; undated in the article." \
    --translation "We are still analysing the ideas received from the United States and NATO and preparing our positions for further steps." \
    'ما زلنا نحلل الأفكار الواردة من الولايات المتحدة وحلف شمال الأطلسي ونجهز مواقفنا لاتخاذ مزيد من الإجراءات'
ct record "${A004_TASS[@]}" --date 2022-02-14 --side russia --to us --to nato \
    --topic indivisible-security --kind demand --speaker "Oleg Postnikov" \
    --note "Undated in the article." \
    --translation "Under no circumstances must we allow Western capitals to ignore our concerns about how they understand and apply the principle of indivisible security." \
    'يجب ألا نسمح تحت أي ظرف للعواصم الغربية بتجاهل مخاوفنا بشأن فهمهم وتطبيقهم لمبدأ الأمن غير القابل للتجزئة'

# --- 15 Feb 2022: Lavrov and Blinken by phone ---------------------------------------------
# The Russian Foreign Ministry's statement on the call speaks of Lavrov in the
# third person: readout. Its "we" sentence is the Ministry's own words: quote.
ct record "${A003[@]}" --round lavrov-blinken-call --side russia --to us \
    --topic rhetoric --kind rejection --speaker "Sergei Lavrov" --attribution readout \
    --translation "Lavrov stressed that the aggressive rhetoric adopted by Washington and its closest allies is unacceptable." \
    'شدد لافروف على عدم قبول الخطاب العدواني الذي تتبناه واشنطن وأقرب حلفائها'
ct record "${A003[@]}" --round lavrov-blinken-call --side russia --to us \
    --topic dialogue --kind proposal --speaker "Sergei Lavrov" --attribution readout \
    --translation "Calling for a practical dialogue on the whole range of issues Russia has raised." \
    'داعيا إلى حوار عملي حول مجموعة كاملة من القضايا التي أثارتها روسيا'
ct record "${A003[@]}" --round lavrov-blinken-call --side russia --to us \
    --topic indivisible-security --kind demand --speaker "Sergei Lavrov" --attribution readout \
    --translation "With emphasis on the principle of indivisible security." \
    'مع التأكيد على مبدأ عدم قابلية الأمن للتجزئة'
ct record "${A003[@]}" --round lavrov-blinken-call --side russia --to us \
    --topic dialogue --kind acceptance --speaker "Russian Foreign Ministry" \
    --translation "For our part we stressed the need to keep working together, as Presidents Putin and Biden agreed in their phone call on 12 February, in the context of the proposals made by the United States and NATO on security guarantees." \
    'أكدنا من جانبنا على ضرورة مواصلة العمل معا، كما اتفق عليه الرئيسان بوتين وبايدن في محادثتهما الهاتفية يوم 12 شباط/فبراير، في سياق المقترحات المقدمة من الولايات المتحدة وحلف شمال الأطلسي بشأن الضمانات الأمنية'

# --- 15 Feb 2022: Lavrov's press conference with the OSCE chair ------------------------
# After talks with Polish Foreign Minister Zbigniew Rau; outside any round, and in
# the reporter's words.
ct record "${A003[@]}" --date 2022-02-15 --side russia --to us --to nato \
    --topic missiles --kind statement --speaker "Sergei Lavrov" --attribution paraphrase \
    --note "Continues Lavrov's remark that the US and NATO replies answered these initiatives positively." \
    --translation "The Russian proposals to reduce military risks and halt the deployment of intermediate- and short-range missiles in Europe had been ignored for many years." \
    'المقترحات الروسية هي لتقليل المخاطر العسكرية ووقف نشر الصواريخ المتوسطة والقصيرة المدى في أوروبا تم تجاهلها لسنوات عديدة'
ct record "${A003[@]}" --date 2022-02-15 --side russia --to us --to nato \
    --topic written-response --kind statement --speaker "Sergei Lavrov" --attribution paraphrase \
    --translation "The Russian side will soon finish its reply to the Western partners' proposals on security guarantees and hand it over." \
    'الجانب الروسي سينجز قريبا ويسلم رده إلى الشركاء الغربيين على مقترحاتهم بشأن الضمانات الأمنية'
ct record "${A003[@]}" --date 2022-02-15 --side russia --to us --to nato \
    --topic deescalation --kind demand --speaker "Sergei Lavrov" --attribution paraphrase \
    --translation "Steps to calm the situation in Europe will only be effective if the necessary legal framework for them is created." \
    'خطوات تهدئة الموقف في أوروبا ستكون فعالة، فقط إذا تم إنشاء الإطار القانوني اللازم لها'

# --- Background, 15 Feb 2022: the accusation and the denial ----------------------------
accusation=$(ct record "${A003[@]}" --date 2022-02-15 --side us --to russia \
    --topic ukraine-attack --kind statement --attribution paraphrase --tag background \
    --note "The article's summary of a standing position, not of one statement." \
    --translation "The United States and Western countries accuse Russia of preparing a military attack on Ukraine." \
    'تتهم الولايات المتحدة ودول غربية، روسيا بالتحضير لهجوم عسكري على أوكرانيا')
ct record "${A003[@]}" --date 2022-02-15 --side russia --to us \
    --topic ukraine-attack --kind rejection --attribution paraphrase --tag background \
    --responds-to "$accusation" \
    --translation "Moscow has denied this on several occasions, calling the accusations a pretext for increasing NATO's military presence near its borders." \
    'نفته موسكو في مناسبات عدة؛ معتبرة أن الاتهامات ذريعة لزيادة الوجود العسكري لحلف شمال الأطلسي (ناتو)، بالقرب من حدودها'

echo "Built $DB" >&2
