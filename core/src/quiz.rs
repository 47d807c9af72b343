//! Where a respondent is in the questionnaire and what they answered: the
//! whole state of one widget, the actions that move it on, and what each
//! move asks of the world outside (an event for the host page, progress to
//! save or to clear).
//!
//! The view only renders a [`Quiz`], dispatches [`Action`]s and carries out
//! the [`Effect`]s of each [`Transition`]; every rule of moving through the
//! questions, of when the host hears what, and of when progress is saved
//! lives here and is tested natively.

use crate::benchmark::Benchmark;
use crate::events;
use crate::exchange::ReadError;
use crate::exchange::link::Link;
use crate::model::{Answer, Profile, Questionnaire, Response};
use crate::scoring::{Outcome, assess};

/// The screen a respondent is on. Saved as `"intro"`, `{"question": 3}`,
/// `"profile"` or `"result"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    /// What the questionnaire measures, before the first question.
    Intro,
    /// The question at this index.
    Question(usize),
    /// The background questions the host did not answer beforehand, after
    /// the last question.
    Profile,
    /// The assessment of the answers given.
    Result,
}

/// Something the widget tells the respondent about their saved progress or
/// the link they followed, once, until they move to another screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Saved progress could not be read and was removed.
    Discarded,
    /// Progress cannot be saved here: it will not survive a reload.
    CannotSave,
    /// The respondent deleted their answers.
    Deleted,
    /// The page's link holds a result code that cannot be read.
    BadLink(ReadError),
}

/// Something a respondent did, or that happened to their progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Leave the intro for the first question.
    Start,
    /// Pick an answer to the current question.
    Choose(Answer),
    /// Answer background question `question` with its answer at this index,
    /// or with none ("prefer not to say").
    ChooseProfile {
        /// The background question, counted from 0.
        question: usize,
        /// The answer's index, or `None`.
        answer: Option<usize>,
    },
    /// Go on to the next question, or to the result after the last one.
    Continue,
    /// Go back one screen.
    Back,
    /// Open the question at this index, such as a skipped one from the result.
    Revisit(usize),
    /// Forget every answer and go back to the intro.
    Restart,
    /// Show everything in this language from now on; ignored unless the
    /// questionnaire speaks it.
    SetLanguage(String),
    /// Delete every answer, here and in storage, and go back to the intro.
    Forget,
    /// Saving progress failed (storage blocked or full).
    SavingFailed,
    /// The page's URL fragment asks for a shared result or the group view.
    Follow(Link),
    /// Leave a shared result for the respondent's own progress.
    LeaveShared,
    /// Show the group view over the respondent's own progress.
    OpenGroup,
    /// Leave the group view.
    CloseGroup,
}

/// The events the host page hears, as `maturity-quiz:<name>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// The respondent left the intro for the first question.
    Start,
    /// The respondent chose an answer.
    Answer,
    /// The respondent arrived at a new result by answering.
    Complete,
}

impl EventKind {
    /// The event's name after `maturity-quiz:`.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Start => "start",
            EventKind::Answer => "answer",
            EventKind::Complete => "complete",
        }
    }
}

/// What a transition asks of the world outside the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Send the host page this event with this `detail` (JSON text, written
    /// by [`crate::events`]).
    Emit(EventKind, String),
    /// Keep the progress as the next state holds it
    /// ([`crate::saved::SavedProgress::of`] it).
    Save,
    /// Remove the saved progress: nothing is left worth keeping.
    Clear,
    /// Remove the saved progress and every earlier result kept: the
    /// respondent deleted their answers.
    Forget,
}

/// The state after an action, and what it asks of the world, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transition {
    /// The state after the action.
    pub next: Quiz,
    /// What to carry out: events to send, progress to save or clear.
    pub effects: Vec<Effect>,
}

/// Someone else's result, opened by a link, with what it amounts to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    /// Their answers, background answers included.
    pub response: Response,
    /// What the scoring rule makes of them.
    pub outcome: Outcome,
}

/// One respondent's progress through a questionnaire. Its fields change only
/// by [`Quiz::apply`], so that every rule about them is one of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quiz {
    language: String,
    step: Step,
    answers: Vec<Option<Answer>>,
    /// What the scoring rule makes of `answers`: assessed once per change.
    outcome: Outcome,
    /// The respondent's own answer to each background question.
    profile: Profile,
    /// The host page's answer to each background question
    /// (`profile-<id>="…"`): such a question is not asked, and its answer
    /// wins over the respondent's.
    preset: Profile,
    /// How many times Continue was pressed on this question without an
    /// answer; counting (not a flag) lets each attempt move focus to the error
    /// again.
    missing_answer: u32,
    /// Whether the respondent has moved between screens. Until then the
    /// page has just loaded, and the widget must not pull focus away from
    /// the host page.
    moved: bool,
    notice: Option<Notice>,
    /// Whether progress cannot be saved, so that the respondent hears it
    /// only once and nothing tries again.
    cannot_save: bool,
    /// A result someone shared by link, shown instead of the respondent's
    /// own screen, which stays as it was (and is not saved meanwhile, so a
    /// shared link never overwrites it).
    shared: Option<Shared>,
    /// Whether the group view is shown, over everything else.
    group: bool,
    /// Whether the widget is only the group view (`mode="group"`): nothing
    /// to take, nothing saved.
    group_only: bool,
}

impl Quiz {
    /// A fresh quiz of `questionnaire`, on its intro, in `language`, with
    /// no background questions until [`Quiz::with_preset`] gives them.
    pub fn new(questionnaire: &Questionnaire, language: String) -> Quiz {
        let answers = vec![None; questionnaire.questions.len()];
        Quiz {
            language,
            step: Step::Intro,
            outcome: assess(questionnaire, &answers),
            answers,
            profile: Vec::new(),
            preset: Vec::new(),
            missing_answer: 0,
            moved: false,
            notice: None,
            cannot_save: false,
            shared: None,
            group: false,
            group_only: false,
        }
    }

    /// A fresh quiz that tells the respondent `notice` (why their progress
    /// was not resumed).
    pub fn told(questionnaire: &Questionnaire, language: String, notice: Notice) -> Quiz {
        Quiz {
            cannot_save: notice == Notice::CannotSave,
            notice: Some(notice),
            ..Quiz::new(questionnaire, language)
        }
    }

    /// Progress read back from storage, already checked against
    /// `questionnaire` ([`crate::saved`] does): on `step`, with `answers`
    /// and the respondent's own background `profile`.
    pub fn resumed(
        questionnaire: &Questionnaire,
        language: String,
        step: Step,
        answers: Vec<Option<Answer>>,
        profile: Profile,
    ) -> Quiz {
        let preset = vec![None; profile.len()];
        Quiz {
            step,
            outcome: assess(questionnaire, &answers),
            answers,
            profile,
            preset,
            ..Quiz::new(questionnaire, language)
        }
    }

    /// This quiz with one background question per entry of `preset`, each
    /// answered beforehand where `preset` says so. A quiz on the background
    /// screen with nothing left to ask there moves on to the result.
    pub fn with_preset(self, preset: Profile) -> Quiz {
        let mut profile = self.profile;
        profile.resize(preset.len(), None);
        let mut quiz = Quiz {
            profile,
            preset,
            ..self
        };
        if quiz.step == Step::Profile && quiz.asked().is_empty() {
            quiz.step = Step::Result;
        }
        quiz
    }

    /// The quiz a widget opens with: `resumed` (its saved progress, or a
    /// fresh quiz with a notice of why not), shown as the group view alone
    /// when the widget is only that (`group_only`), or else as the page's
    /// `link` asks. Arriving by a link is a page load, not a move: focus
    /// stays with the host page, and nothing is sent or saved.
    pub fn opening(
        resumed: Quiz,
        questionnaire: &Questionnaire,
        group_only: bool,
        link: Option<Link>,
    ) -> Quiz {
        if group_only {
            return Quiz {
                group: true,
                group_only: true,
                ..resumed
            };
        }
        match link {
            Some(link) => Quiz {
                moved: false,
                ..resumed
                    .apply(questionnaire, None, Action::Follow(link))
                    .next
            },
            None => resumed,
        }
    }

    /// The state after `action`, and what it asks of the world: the host
    /// hears `start` when the intro is left, `answer` for each answer
    /// chosen and `complete` each time the respondent answers their way
    /// into the result (not when a page load, the group view, a link or the
    /// language shows it again); progress is saved whenever what is saved
    /// of it changed, or cleared when nothing is left worth keeping, except
    /// while a shared result shows, in a group-only widget, or once saving
    /// has failed. `complete` says where the result stands in `benchmark`,
    /// the poll the host gave, if any.
    pub fn apply(
        &self,
        questionnaire: &Questionnaire,
        benchmark: Option<&Benchmark>,
        action: Action,
    ) -> Transition {
        let mut next = self.clone();
        let mut effects = Vec::new();
        let forgetting = action == Action::Forget;
        let last = self.answers.len().saturating_sub(1);
        match (action, self.step) {
            (Action::Start, Step::Intro) => {
                next.go(Step::Question(0));
                let detail = events::started(questionnaire, &self.language);
                effects.push(Effect::Emit(EventKind::Start, detail));
            }
            (Action::Choose(answer), Step::Question(i)) => {
                next.answers[i] = Some(answer);
                next.missing_answer = 0;
                let detail = events::answered(questionnaire, &self.language, i, answer);
                effects.push(Effect::Emit(EventKind::Answer, detail));
            }
            (Action::ChooseProfile { question, answer }, Step::Profile)
                if question < self.profile.len() =>
            {
                next.profile[question] = answer;
            }
            (Action::Continue, Step::Question(i)) => match self.answers[i] {
                None => next.missing_answer += 1,
                Some(_) if i < last => next.go(Step::Question(i + 1)),
                Some(_) => next.answer_into(
                    questionnaire,
                    benchmark,
                    self.after_questions(),
                    &mut effects,
                ),
            },
            // Every background question is optional.
            (Action::Continue, Step::Profile) => {
                next.answer_into(questionnaire, benchmark, Step::Result, &mut effects)
            }
            (Action::Back, Step::Question(0)) => next.go(Step::Intro),
            (Action::Back, Step::Question(i)) => next.go(Step::Question(i - 1)),
            (Action::Back, Step::Profile) => next.go(Step::Question(last)),
            (Action::Back, Step::Result) => {
                let before = match self.after_questions() {
                    Step::Profile => Step::Profile,
                    _ => Step::Question(last),
                };
                next.go(before);
            }
            (Action::Revisit(i), _) if i < self.answers.len() => next.go(Step::Question(i)),
            (Action::Restart, _) => {
                next = self.afresh(questionnaire);
                next.moved = true;
            }
            (Action::SetLanguage(language), _) if questionnaire.speaks(&language) => {
                next.language = language
            }
            (Action::Forget, _) => {
                next = self.afresh(questionnaire);
                next.moved = true;
                next.notice = Some(Notice::Deleted);
            }
            (Action::SavingFailed, _) if !self.cannot_save => {
                next.cannot_save = true;
                next.notice = Some(Notice::CannotSave);
            }
            (Action::Follow(Link::Result { response, language }), _)
                if response.answers.len() == self.answers.len() =>
            {
                next.go(self.step);
                next.group = false;
                next.shared = Some(Shared {
                    outcome: assess(questionnaire, &response.answers),
                    response,
                });
                if let Some(language) = language.filter(|l| questionnaire.speaks(l)) {
                    next.language = language;
                }
            }
            (Action::Follow(Link::Invalid(error)), _) => {
                next.notice = Some(Notice::BadLink(error));
            }
            (Action::Follow(Link::Group), _) | (Action::OpenGroup, _) => {
                next.go(self.step);
                next.group = true;
            }
            (Action::LeaveShared, _) if self.shared.is_some() => {
                next.go(self.step);
                next.shared = None;
            }
            (Action::CloseGroup, _) if self.group && !self.group_only => {
                next.go(self.step);
                next.group = false;
            }
            // An action that does not fit the screen (a stale click) changes
            // nothing rather than losing answers.
            _ => {}
        }
        if next.answers != self.answers {
            next.outcome = assess(questionnaire, &next.answers);
        }
        if next.saves() && (!self.saves() || !next.keeps_as(self)) {
            effects.push(if forgetting {
                Effect::Forget
            } else if next.is_pristine() {
                Effect::Clear
            } else {
                Effect::Save
            });
        }
        Transition { next, effects }
    }

    /// The language everything is shown in.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// The screen shown (under a shared result or the group view, if one
    /// shows).
    pub fn step(&self) -> Step {
        self.step
    }

    /// The answer to each question, `None` where none was chosen yet.
    pub fn answers(&self) -> &[Option<Answer>] {
        &self.answers
    }

    /// What the scoring rule makes of the answers so far.
    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }

    /// The respondent's own answer to each background question.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// How many times Continue was pressed on this question without an
    /// answer.
    pub fn missing_answer(&self) -> u32 {
        self.missing_answer
    }

    /// Whether the respondent has moved between screens since the page
    /// loaded: only then may focus move.
    pub fn moved(&self) -> bool {
        self.moved
    }

    /// What to tell the respondent about their saved progress or the link
    /// they followed, if anything.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The result someone shared by link, if one shows.
    pub fn shared(&self) -> Option<&Shared> {
        self.shared.as_ref()
    }

    /// Whether the group view shows, over everything else.
    pub fn group(&self) -> bool {
        self.group
    }

    /// Whether the widget is only the group view.
    pub fn group_only(&self) -> bool {
        self.group_only
    }

    /// The background questions asked on the background screen: those the
    /// host did not answer, by index.
    pub fn asked(&self) -> Vec<usize> {
        (0..self.preset.len())
            .filter(|&i| self.preset[i].is_none())
            .collect()
    }

    /// Everything the respondent said, with the host's background answers.
    pub fn response(&self) -> Response {
        Response {
            answers: self.answers.clone(),
            profile: self
                .preset
                .iter()
                .zip(&self.profile)
                .map(|(preset, own)| preset.or(*own))
                .collect(),
        }
    }

    /// The number of the question shown, counted from 1, if one is shown.
    pub fn question_number(&self) -> Option<usize> {
        match self.step {
            Step::Question(i) => Some(i + 1),
            _ => None,
        }
    }

    /// The first question without a level (skipped or "don't know").
    pub fn first_without_level(&self) -> Option<usize> {
        self.answers
            .iter()
            .position(|a| a.and_then(Answer::level).is_none())
    }

    /// Whether the result is at most a screen away: on the last question or
    /// on the background screen. The view prepares the result then, while
    /// the respondent still reads and answers.
    pub fn result_is_near(&self) -> bool {
        let last = self.answers.len().saturating_sub(1);
        let near = self.step == Step::Profile || self.step == Step::Question(last);
        // A shared result or the group view shows over the step.
        near && self.shared.is_none() && !self.group
    }

    /// Whether nothing has happened yet that is worth keeping.
    pub fn is_pristine(&self) -> bool {
        self.step == Step::Intro
            && self.answers.iter().all(Option::is_none)
            && self.profile.iter().all(Option::is_none)
    }

    /// Where the last question leads: the background screen when it has a
    /// question to ask, else the result.
    pub fn after_questions(&self) -> Step {
        if self.asked().is_empty() {
            Step::Result
        } else {
            Step::Profile
        }
    }

    /// Whether progress is saved as it changes: not while a shared result
    /// shows (its language would overwrite the respondent's), not in a
    /// group-only widget, not once saving failed.
    fn saves(&self) -> bool {
        !self.cannot_save && self.shared.is_none() && !self.group_only
    }

    /// Whether what is saved of this quiz (language, screen, answers, own
    /// background answers) is what is saved of `other`.
    fn keeps_as(&self, other: &Quiz) -> bool {
        (&self.language, self.step, &self.answers, &self.profile)
            == (&other.language, other.step, &other.answers, &other.profile)
    }

    /// A fresh quiz with this one's questions, language, host answers and
    /// ability to save.
    fn afresh(&self, questionnaire: &Questionnaire) -> Quiz {
        Quiz {
            cannot_save: self.cannot_save,
            ..Quiz::new(questionnaire, self.language.clone()).with_preset(self.preset.clone())
        }
    }

    /// Moves on to `step` after the last question or the background screen:
    /// arriving at the result by answering is a new result, which the host
    /// hears of once.
    fn answer_into(
        &mut self,
        questionnaire: &Questionnaire,
        benchmark: Option<&Benchmark>,
        step: Step,
        effects: &mut Vec<Effect>,
    ) {
        self.go(step);
        if step != Step::Result {
            return;
        }
        if let Outcome::Assessed(assessment) = &self.outcome {
            let detail = events::completed(
                questionnaire,
                &self.language,
                &self.response(),
                assessment,
                benchmark,
            );
            effects.push(Effect::Emit(EventKind::Complete, detail));
        }
    }

    fn go(&mut self, step: Step) {
        self.step = step;
        self.missing_answer = 0;
        self.moved = true;
        self.notice = None;
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;
    use crate::model::{BUILT_IN_JSON, Level};

    /// The built-in questionnaire cut down to its first three questions (two
    /// dimensions): short enough to walk through in a line.
    static Q: LazyLock<Questionnaire> = LazyLock::new(|| {
        let mut json: serde_json::Value = serde_json::from_str(BUILT_IN_JSON).unwrap();
        json["dimensions"].as_array_mut().unwrap().truncate(2);
        json["questions"].as_array_mut().unwrap().truncate(3);
        Questionnaire::from_json(&json.to_string()).unwrap_or_else(|invalid| panic!("{invalid}"))
    });

    fn quiz() -> Quiz {
        Quiz::new(&Q, "nl".to_string())
    }

    /// The state after `action`, its effects left aside.
    trait Then {
        fn then(&self, action: Action) -> Quiz;
    }

    impl Then for Quiz {
        fn then(&self, action: Action) -> Quiz {
            self.apply(&Q, None, action).next
        }
    }

    fn run_from(start: Quiz, actions: impl IntoIterator<Item = Action>) -> Quiz {
        actions.into_iter().fold(start, |q, a| q.then(a))
    }

    fn run(actions: impl IntoIterator<Item = Action>) -> Quiz {
        run_from(quiz(), actions)
    }

    /// The effects of `action` on `quiz`, by name: an event's name, `save`
    /// or `clear`.
    fn effects(quiz: &Quiz, action: Action) -> Vec<&'static str> {
        quiz.apply(&Q, None, action)
            .effects
            .iter()
            .map(|effect| match effect {
                Effect::Emit(kind, _) => kind.name(),
                Effect::Save => "save",
                Effect::Clear => "clear",
                Effect::Forget => "forget",
            })
            .collect()
    }

    fn level(l: u8) -> Action {
        Action::Choose(Answer::Level(Level(l)))
    }

    #[test]
    fn a_widget_opens_on_its_progress_a_shared_result_or_the_group_view() {
        use Action::*;
        let resumed = run([Start, level(2), Continue]);
        assert_eq!(Quiz::opening(resumed.clone(), &Q, false, None), resumed);

        let shared = Response {
            answers: vec![Some(Answer::Level(Level(3))); 3],
            profile: Vec::new(),
        };
        let link = Link::Result {
            response: shared.clone(),
            language: Some("en".to_string()),
        };
        let opened = Quiz::opening(resumed.clone(), &Q, false, Some(link.clone()));
        assert_eq!(opened.shared.map(|s| s.response), Some(shared));
        assert_eq!(opened.language, "en");
        assert_eq!(
            (opened.step, &opened.answers),
            (resumed.step, &resumed.answers),
            "the own progress waits behind the shared result"
        );
        assert!(!opened.moved, "arriving by link keeps focus on the page");

        let group = Quiz::opening(resumed.clone(), &Q, false, Some(Link::Group));
        assert!(group.group && !group.moved);

        // A group-only widget ignores the page's links.
        let only = Quiz::opening(resumed.clone(), &Q, true, Some(link));
        assert!(only.group && only.shared.is_none());
        assert_eq!(only.answers, resumed.answers);
    }

    #[test]
    fn answering_every_question_reaches_the_result() {
        use Action::*;
        let q = run([
            Start,
            level(2),
            Continue,
            Choose(Answer::DontKnow),
            Continue,
            level(4),
            Continue,
        ]);
        assert_eq!(q.step, Step::Result);
        assert_eq!(
            q.answers,
            [
                Some(Answer::Level(Level(2))),
                Some(Answer::DontKnow),
                Some(Answer::Level(Level(4)))
            ]
        );
    }

    #[test]
    fn the_result_is_near_on_the_last_question_and_the_background_screen() {
        use Action::*;
        let second = run([Start, level(2), Continue]);
        assert!(!second.result_is_near());
        let last = second.then(level(2)).then(Continue);
        assert!(last.result_is_near(), "answered or not");
        assert!(!last.then(Back).result_is_near());
        assert!(
            !last.then(level(3)).then(Continue).result_is_near(),
            "the result itself"
        );

        let asking = quiz().with_preset(vec![None]);
        let at_profile = [
            Start,
            level(2),
            Continue,
            level(2),
            Continue,
            level(3),
            Continue,
        ]
        .into_iter()
        .fold(asking, |q, a| q.then(a));
        assert_eq!(at_profile.step, Step::Profile);
        assert!(at_profile.result_is_near());
        assert!(
            !at_profile.then(OpenGroup).result_is_near(),
            "the group view shows"
        );
    }

    #[test]
    fn continue_without_an_answer_stays_and_counts_each_attempt() {
        use Action::*;
        let q = run([Start, Continue, Continue]);
        assert_eq!((q.step, q.missing_answer), (Step::Question(0), 2));
        let q = q.then(level(1));
        assert_eq!(q.missing_answer, 0, "choosing clears the error");
        assert_eq!(q.then(Continue).step, Step::Question(1));
    }

    #[test]
    fn back_keeps_answers_and_walks_to_the_intro() {
        use Action::*;
        let q = run([Start, level(3), Continue, Back]);
        assert_eq!(q.step, Step::Question(0));
        assert_eq!(q.answers[0], Some(Answer::Level(Level(3))));
        assert_eq!(q.then(Back).step, Step::Intro);
        let done = run([
            Start,
            level(1),
            Continue,
            level(1),
            Continue,
            level(1),
            Continue,
        ]);
        assert_eq!(done.then(Back).step, Step::Question(2));
    }

    #[test]
    fn language_changes_keep_the_step_and_answers() {
        use Action::*;
        let before = run([Start, level(3), Continue]);
        let after = before.then(SetLanguage("en".to_string()));
        assert_eq!(after.language, "en");
        assert_eq!((after.step, &after.answers), (before.step, &before.answers));
    }

    #[test]
    fn restart_forgets_answers_but_not_the_language() {
        use Action::*;
        let q = run([
            SetLanguage("en".to_string()),
            Start,
            level(3),
            Continue,
            Restart,
        ]);
        assert_eq!(
            (q.step, &q.answers, q.language.as_str()),
            (Step::Intro, &vec![None; 3], "en")
        );
    }

    #[test]
    fn only_moving_between_screens_counts_as_moving() {
        use Action::*;
        assert!(!quiz().moved, "a fresh page has not moved");
        assert!(!run([SetLanguage("en".to_string())]).moved);
        assert!(run([Start]).moved);
        assert!(
            run([Start, level(1), Continue, Restart]).moved,
            "restart moves to the intro"
        );
    }

    #[test]
    fn storage_notices_show_once_and_go_with_the_next_move() {
        use Action::*;
        let q = run([Start, level(2), SavingFailed]);
        assert_eq!(q.notice, Some(Notice::CannotSave));
        let q = q.then(Continue);
        assert_eq!(q.notice, None, "gone after a move");
        assert_eq!(q.then(SavingFailed).notice, None, "said only once");
        assert!(
            q.then(Restart).cannot_save,
            "still unable to save after a restart"
        );
    }

    #[test]
    fn forgetting_clears_every_answer_and_says_so() {
        use Action::*;
        let q = run([Start, level(2), Continue, level(3), Forget]);
        assert!(q.is_pristine());
        assert_eq!((q.notice, q.moved), (Some(Notice::Deleted), true));
        assert!(
            !run([Start]).is_pristine(),
            "the first question is worth resuming"
        );
    }

    #[test]
    fn stale_actions_change_nothing() {
        use Action::*;
        let intro = quiz();
        assert_eq!(intro.then(level(2)), intro);
        assert_eq!(intro.then(Continue), intro);
        assert_eq!(intro.then(Revisit(3)), intro);
        let result = run([
            Start,
            level(1),
            Continue,
            level(1),
            Continue,
            level(1),
            Continue,
        ]);
        assert_eq!(result.then(Start), result);
    }

    #[test]
    fn a_shared_result_shows_over_the_own_progress_and_leaves_it_alone() {
        use Action::*;
        let own = run([Start, level(2), Continue]);
        let theirs = Response {
            answers: vec![Some(Answer::Level(Level(4))); 3],
            profile: vec![Some(1)],
        };
        let link = Link::Result {
            response: theirs.clone(),
            language: Some("en".to_string()),
        };
        let shown = own.then(Follow(link));
        assert_eq!(shown.shared.as_ref().map(|s| &s.response), Some(&theirs));
        assert_eq!(
            (shown.step, &shown.answers, shown.language.as_str()),
            (own.step, &own.answers, "en")
        );
        let back = shown.then(LeaveShared);
        assert_eq!(
            (back.shared.is_none(), back.step, back.answers),
            (true, own.step, own.answers.clone())
        );
        let wrong_length = Link::Result {
            response: Response {
                answers: vec![None; 2],
                profile: Vec::new(),
            },
            language: None,
        };
        assert_eq!(
            own.then(Follow(wrong_length)),
            own,
            "never from this questionnaire"
        );
    }

    /// Every question of [`quiz`] answered, up to the screen after the last.
    fn all_three_answered() -> [Action; 7] {
        use Action::*;
        [
            Start,
            level(2),
            Continue,
            level(3),
            Continue,
            level(4),
            Continue,
        ]
    }

    #[test]
    fn the_background_screen_follows_the_last_question_and_may_be_skipped() {
        use Action::*;
        let two = || quiz().with_preset(vec![None, None]);
        let answered = all_three_answered();
        let at_profile = answered.iter().cloned().fold(two(), |q, a| q.then(a));
        assert_eq!(at_profile.step, Step::Profile);
        assert_eq!(at_profile.asked(), [0, 1]);
        let skipped = at_profile.then(Continue);
        assert_eq!(skipped.step, Step::Result, "nothing is required");
        assert_eq!(skipped.response().profile, [None, None]);
        let chosen = at_profile
            .then(ChooseProfile {
                question: 1,
                answer: Some(2),
            })
            .then(ChooseProfile {
                question: 0,
                answer: Some(0),
            })
            .then(ChooseProfile {
                question: 0,
                answer: None,
            })
            .then(Continue);
        assert_eq!(
            chosen.response().profile,
            [None, Some(2)],
            "prefer not to say"
        );
        assert_eq!(chosen.then(Back).step, Step::Profile);
        assert_eq!(chosen.then(Back).then(Back).step, Step::Question(2));
        assert!(!chosen.then(Restart).profile.iter().any(Option::is_some));
        assert_eq!(
            quiz().then(ChooseProfile {
                question: 0,
                answer: Some(0)
            }),
            quiz(),
            "only on the background screen"
        );
    }

    #[test]
    fn questions_the_host_answered_are_not_asked() {
        use Action::*;
        let answered = all_three_answered();
        let one = answered
            .iter()
            .cloned()
            .fold(quiz().with_preset(vec![Some(3), None]), |q, a| q.then(a));
        assert_eq!((one.step, one.asked()), (Step::Profile, vec![1]));
        let own = one
            .then(ChooseProfile {
                question: 0,
                answer: Some(1),
            })
            .then(ChooseProfile {
                question: 1,
                answer: Some(1),
            });
        assert_eq!(
            own.response().profile,
            [Some(3), Some(1)],
            "the host's answer wins"
        );
        let all = answered
            .iter()
            .cloned()
            .fold(quiz().with_preset(vec![Some(3), Some(0)]), |q, a| q.then(a));
        assert_eq!(all.step, Step::Result, "nothing left to ask");
        assert_eq!(all.then(Back).step, Step::Question(2));
        assert_eq!(
            all.then(Restart).preset,
            [Some(3), Some(0)],
            "kept on restart"
        );
        let mut resumed = quiz().with_preset(vec![None]);
        resumed.step = Step::Profile;
        assert_eq!(resumed.with_preset(vec![Some(0)]).step, Step::Result);
    }

    #[test]
    fn a_bad_link_says_why_and_the_group_view_comes_and_goes() {
        use Action::*;
        let q = crate::model::Questionnaire::built_in();
        let Some(Link::Invalid(error)) = crate::exchange::link::follow(&q, "#r=11.!") else {
            panic!("an invalid link")
        };
        let told = quiz().then(Follow(Link::Invalid(error.clone())));
        assert_eq!(told.notice, Some(Notice::BadLink(error)));
        assert_eq!(told.step, Step::Intro);
        let group = run([Start]).then(OpenGroup);
        assert!(group.group);
        let closed = group.then(CloseGroup);
        assert_eq!((closed.group, closed.step), (false, Step::Question(0)));
    }

    #[test]
    fn only_answering_into_the_result_sends_complete() {
        use Action::*;
        let last = run(all_three_answered().into_iter().take(6));
        assert_eq!(effects(&last, Continue), ["complete", "save"]);
        let done = last.then(Continue);
        assert_eq!(done.step, Step::Result);
        assert_eq!(
            effects(&done.then(Back), Continue),
            ["complete", "save"],
            "answering into it again is a new result"
        );
        let revisited = run_from(done.clone(), [Revisit(1), level(1), Continue]);
        assert_eq!(
            effects(&revisited, Continue),
            ["complete", "save"],
            "so is a revisit's"
        );
        let profiled = run_from(
            quiz().with_preset(vec![None]),
            all_three_answered().into_iter().take(6),
        );
        assert_eq!(
            effects(&profiled, Continue),
            ["save"],
            "the background screen is not the result"
        );
        assert_eq!(
            effects(&profiled.then(Continue), Continue),
            ["complete", "save"]
        );
        let too_few = run([Start, level(2), Continue, Continue, Continue]);
        assert_eq!(
            effects(&too_few.then(Choose(Answer::DontKnow)), Continue),
            ["save"],
            "no result without enough levels, so nothing to report"
        );

        // On the result already: a page load, the group view, links and
        // leaving a shared result show it again, but it is not a new one.
        let theirs = Link::Result {
            response: Response {
                answers: vec![Some(Answer::Level(Level(4))); 3],
                profile: Vec::new(),
            },
            language: None,
        };
        let paths = [
            vec![OpenGroup],
            vec![OpenGroup, CloseGroup],
            vec![Follow(Link::Group)],
            vec![Follow(theirs.clone())],
            vec![Follow(theirs), LeaveShared],
            vec![SetLanguage("en".to_string())],
            vec![Restart],
            vec![Forget],
        ];
        for path in paths {
            let mut at = done.clone();
            for action in path.clone() {
                let transition = at.apply(&Q, None, action);
                assert!(
                    !transition
                        .effects
                        .iter()
                        .any(|e| matches!(e, Effect::Emit(..))),
                    "{path:?}: {:?}",
                    transition.effects
                );
                at = transition.next;
            }
        }
    }

    #[test]
    fn the_host_hears_start_and_each_answer_with_its_detail() {
        use Action::*;
        let start = quiz().apply(&Q, None, Start);
        assert_eq!(
            start.effects,
            [
                Effect::Emit(EventKind::Start, events::started(&Q, "nl")),
                Effect::Save
            ]
        );
        let answer = start.next.apply(&Q, None, level(3));
        assert_eq!(
            answer.effects,
            [
                Effect::Emit(
                    EventKind::Answer,
                    events::answered(&Q, "nl", 0, Answer::Level(Level(3)))
                ),
                Effect::Save
            ]
        );
        assert_eq!(
            effects(&answer.next, Start),
            Vec::<&str>::new(),
            "a stale start is not sent"
        );
        let done = run(all_three_answered());
        let Outcome::Assessed(assessment) = done.outcome() else {
            panic!("three levels are a result")
        };
        let last = run(all_three_answered().into_iter().take(6));
        assert_eq!(
            last.apply(&Q, None, Continue).effects[0],
            Effect::Emit(
                EventKind::Complete,
                events::completed(&Q, "nl", &done.response(), assessment, None)
            )
        );
    }

    #[test]
    fn progress_is_saved_as_it_changes_and_cleared_when_nothing_is_left() {
        use Action::*;
        let asked = run([Start, level(2)]);
        assert_eq!(effects(&asked, Continue), ["save"], "a move");
        assert_eq!(effects(&asked, SetLanguage("en".to_string())), ["save"]);
        assert_eq!(
            effects(&asked, SetLanguage("fr".to_string())),
            Vec::<&str>::new(),
            "a language the questionnaire does not speak changes nothing"
        );
        assert_eq!(effects(&asked, Continue).len(), 1);
        assert_eq!(
            effects(&asked.then(Continue), Continue),
            Vec::<&str>::new(),
            "an error shown is not progress"
        );
        assert_eq!(effects(&asked, Restart), ["clear"]);
        assert_eq!(
            effects(&asked, Forget),
            ["forget"],
            "deleting answers deletes earlier results too"
        );
        assert_eq!(
            effects(&quiz(), SetLanguage("en".to_string())),
            ["clear"],
            "an untouched quiz keeps nothing, whatever its language"
        );
        assert_eq!(effects(&asked, OpenGroup), Vec::<&str>::new());
    }

    #[test]
    fn nothing_is_saved_under_a_shared_result_in_a_group_only_widget_or_after_a_failure() {
        use Action::*;
        let own = run([Start, level(2), Continue]);
        let theirs = Link::Result {
            response: Response {
                answers: vec![Some(Answer::Level(Level(4))); 3],
                profile: Vec::new(),
            },
            language: Some("en".to_string()),
        };
        let shown = own.then(Follow(theirs));
        assert_eq!(effects(&own, Follow(Link::Group)), Vec::<&str>::new());
        assert_eq!(
            effects(&shown, SetLanguage("nl".to_string())),
            Vec::<&str>::new()
        );
        assert_eq!(
            effects(&shown, LeaveShared),
            ["save"],
            "the language the link chose is saved once it is the respondent's screen again"
        );
        let only = Quiz::opening(own.clone(), &Q, true, None);
        assert_eq!(
            effects(&only, SetLanguage("en".to_string())),
            Vec::<&str>::new()
        );
        assert_eq!(effects(&only, CloseGroup), Vec::<&str>::new());
        assert!(only.then(CloseGroup).group, "a group-only widget stays one");
        let failed = own.then(SavingFailed);
        assert_eq!(effects(&failed, level(3)), ["answer"]);
        assert_eq!(
            effects(&Quiz::told(&Q, "nl".to_string(), Notice::CannotSave), Start),
            ["start"],
            "storage blocked from the start"
        );
    }

    #[test]
    fn the_result_is_assessed_as_the_answers_change() {
        use Action::*;
        assert!(matches!(
            quiz().outcome(),
            Outcome::TooFewAnswers { answered: 0, .. }
        ));
        let done = run(all_three_answered());
        let Outcome::Assessed(assessment) = done.outcome() else {
            panic!("three levels are a result")
        };
        assert_eq!(done.outcome(), &assess(&Q, done.answers()));
        assert_eq!(assessment.answered, 3);
        let changed = run_from(done.clone(), [Revisit(0), level(4)]);
        assert_eq!(changed.outcome(), &assess(&Q, changed.answers()));
        assert_ne!(changed.outcome(), done.outcome());
    }

    #[test]
    fn revisit_opens_the_first_question_without_a_level() {
        use Action::*;
        let q = run([
            Start,
            level(1),
            Continue,
            Choose(Answer::DontKnow),
            Continue,
            level(2),
            Continue,
        ]);
        assert_eq!(q.first_without_level(), Some(1));
        let q = q.then(Revisit(1));
        assert_eq!((q.step, q.question_number()), (Step::Question(1), Some(2)));
    }
}
