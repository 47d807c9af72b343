//! Where a respondent is in the questionnaire and what they answered: the
//! whole state of one widget, and the actions that move it on.
//!
//! The view only renders a [`Quiz`] and dispatches [`Action`]s; every rule of
//! moving through the questions lives here and is tested natively.

use crate::code::{CodeError, Link};
use crate::model::{Answer, Profile, Response};

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
    BadLink(CodeError),
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
    /// Show everything in this language from now on.
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

/// One respondent's progress through a questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quiz {
    /// The language everything is shown in.
    pub language: String,
    /// The screen shown.
    pub step: Step,
    /// The answer to each question, `None` where none was chosen yet.
    pub answers: Vec<Option<Answer>>,
    /// The respondent's own answer to each background question.
    pub profile: Profile,
    /// The host page's answer to each background question
    /// (`profile-<id>="…"`): such a question is not asked, and its answer
    /// wins over the respondent's.
    pub preset: Profile,
    /// How many times Continue was pressed on this question without an
    /// answer; counting (not a flag) lets each attempt move focus to the error
    /// again.
    pub missing_answer: u32,
    /// Whether the respondent has moved between screens. Until then the
    /// page has just loaded, and the widget must not pull focus away from
    /// the host page.
    pub moved: bool,
    /// What to tell the respondent about their saved progress, if anything.
    pub notice: Option<Notice>,
    /// Whether progress cannot be saved, so that the respondent hears it
    /// only once.
    pub cannot_save: bool,
    /// The answers of a result someone shared by link, shown instead of the
    /// respondent's own screen, which stays as it was (and is not saved
    /// meanwhile, so a shared link never overwrites it).
    pub shared: Option<Response>,
    /// Whether the group view is shown, over everything else.
    pub group: bool,
    /// How many times the respondent has arrived at their result by
    /// answering (Continue on the last screen before it): each arrival is a
    /// new result, which the host hears of once. Resuming on the result, the
    /// group view, a link and leaving a shared result do not count, nor does
    /// anything reset the count, so that the view reports exactly when it
    /// grows.
    pub results: u32,
}

impl Quiz {
    /// A quiz of `questions` questions, on its intro, in `language`, with
    /// no background questions until [`Quiz::with_preset`] gives them.
    pub fn new(questions: usize, language: String) -> Quiz {
        Quiz {
            language,
            step: Step::Intro,
            answers: vec![None; questions],
            profile: Vec::new(),
            preset: Vec::new(),
            missing_answer: 0,
            moved: false,
            notice: None,
            cannot_save: false,
            shared: None,
            group: false,
            results: 0,
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

    /// The quiz a widget opens with: `resumed` (its saved progress, or a
    /// fresh quiz with a notice of why not), shown as the group view alone
    /// when the widget is only that (`group_only`), or else as the page's
    /// `link` asks. Arriving by a link is a page load, not a move: focus
    /// stays with the host page.
    pub fn opening(resumed: Quiz, group_only: bool, link: Option<Link>) -> Quiz {
        if group_only {
            return Quiz {
                group: true,
                ..resumed
            };
        }
        match link {
            Some(link) => Quiz {
                moved: false,
                ..resumed.apply(Action::Follow(link))
            },
            None => resumed,
        }
    }

    /// The state after `action`.
    pub fn apply(&self, action: Action) -> Quiz {
        let mut next = self.clone();
        let last = self.answers.len().saturating_sub(1);
        match (action, self.step) {
            (Action::Start, Step::Intro) => next.go(Step::Question(0)),
            (Action::Choose(answer), Step::Question(i)) => {
                next.answers[i] = Some(answer);
                next.missing_answer = 0;
            }
            (Action::ChooseProfile { question, answer }, Step::Profile)
                if question < self.profile.len() =>
            {
                next.profile[question] = answer;
            }
            (Action::Continue, Step::Question(i)) => match self.answers[i] {
                None => next.missing_answer += 1,
                Some(_) if i < last => next.go(Step::Question(i + 1)),
                Some(_) => next.answer_into(self.after_questions()),
            },
            // Every background question is optional.
            (Action::Continue, Step::Profile) => next.answer_into(Step::Result),
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
                next = self.afresh();
                next.moved = true;
            }
            (Action::SetLanguage(language), _) => next.language = language,
            (Action::Forget, _) => {
                next = self.afresh();
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
                next.shared = Some(response);
                if let Some(language) = language {
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
            (Action::CloseGroup, _) if self.group => {
                next.go(self.step);
                next.group = false;
            }
            // An action that does not fit the screen (a stale click) changes
            // nothing rather than losing answers.
            _ => {}
        }
        next
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

    /// A fresh quiz with this one's questions, language, host answers and
    /// ability to save.
    fn afresh(&self) -> Quiz {
        let mut fresh =
            Quiz::new(self.answers.len(), self.language.clone()).with_preset(self.preset.clone());
        fresh.cannot_save = self.cannot_save;
        fresh.results = self.results;
        fresh
    }

    /// Moves on to `step` after the last question or the background screen,
    /// counting an arrival at the result.
    fn answer_into(&mut self, step: Step) {
        self.go(step);
        if step == Step::Result {
            self.results = self.results.wrapping_add(1);
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
    use super::*;
    use crate::model::Level;

    fn quiz() -> Quiz {
        Quiz::new(3, "nl".to_string())
    }

    fn run(actions: impl IntoIterator<Item = Action>) -> Quiz {
        actions.into_iter().fold(quiz(), |q, a| q.apply(a))
    }

    fn level(l: u8) -> Action {
        Action::Choose(Answer::Level(Level(l)))
    }

    #[test]
    fn a_widget_opens_on_its_progress_a_shared_result_or_the_group_view() {
        use Action::*;
        let resumed = run([Start, level(2), Continue]);
        assert_eq!(Quiz::opening(resumed.clone(), false, None), resumed);

        let shared = Response {
            answers: vec![Some(Answer::Level(Level(3))); 3],
            profile: Vec::new(),
        };
        let link = Link::Result {
            response: shared.clone(),
            language: Some("en".to_string()),
        };
        let opened = Quiz::opening(resumed.clone(), false, Some(link.clone()));
        assert_eq!(opened.shared, Some(shared));
        assert_eq!(opened.language, "en");
        assert_eq!(
            (opened.step, &opened.answers),
            (resumed.step, &resumed.answers),
            "the own progress waits behind the shared result"
        );
        assert!(!opened.moved, "arriving by link keeps focus on the page");

        let group = Quiz::opening(resumed.clone(), false, Some(Link::Group));
        assert!(group.group && !group.moved);

        // A group-only widget ignores the page's links.
        let only = Quiz::opening(resumed.clone(), true, Some(link));
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
        let last = second.apply(level(2)).apply(Continue);
        assert!(last.result_is_near(), "answered or not");
        assert!(!last.apply(Back).result_is_near());
        assert!(
            !last.apply(level(3)).apply(Continue).result_is_near(),
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
        .fold(asking, |q, a| q.apply(a));
        assert_eq!(at_profile.step, Step::Profile);
        assert!(at_profile.result_is_near());
        assert!(
            !at_profile.apply(OpenGroup).result_is_near(),
            "the group view shows"
        );
    }

    #[test]
    fn continue_without_an_answer_stays_and_counts_each_attempt() {
        use Action::*;
        let q = run([Start, Continue, Continue]);
        assert_eq!((q.step, q.missing_answer), (Step::Question(0), 2));
        let q = q.apply(level(1));
        assert_eq!(q.missing_answer, 0, "choosing clears the error");
        assert_eq!(q.apply(Continue).step, Step::Question(1));
    }

    #[test]
    fn back_keeps_answers_and_walks_to_the_intro() {
        use Action::*;
        let q = run([Start, level(3), Continue, Back]);
        assert_eq!(q.step, Step::Question(0));
        assert_eq!(q.answers[0], Some(Answer::Level(Level(3))));
        assert_eq!(q.apply(Back).step, Step::Intro);
        let done = run([
            Start,
            level(1),
            Continue,
            level(1),
            Continue,
            level(1),
            Continue,
        ]);
        assert_eq!(done.apply(Back).step, Step::Question(2));
    }

    #[test]
    fn language_changes_keep_the_step_and_answers() {
        use Action::*;
        let before = run([Start, level(3), Continue]);
        let after = before.apply(SetLanguage("en".to_string()));
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
        let q = q.apply(Continue);
        assert_eq!(q.notice, None, "gone after a move");
        assert_eq!(q.apply(SavingFailed).notice, None, "said only once");
        assert!(
            q.apply(Restart).cannot_save,
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
        assert_eq!(intro.apply(level(2)), intro);
        assert_eq!(intro.apply(Continue), intro);
        assert_eq!(intro.apply(Revisit(3)), intro);
        let result = run([
            Start,
            level(1),
            Continue,
            level(1),
            Continue,
            level(1),
            Continue,
        ]);
        assert_eq!(result.apply(Start), result);
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
        let shown = own.apply(Follow(link));
        assert_eq!(shown.shared.as_ref(), Some(&theirs));
        assert_eq!(
            (shown.step, &shown.answers, shown.language.as_str()),
            (own.step, &own.answers, "en")
        );
        let back = shown.apply(LeaveShared);
        assert_eq!(
            (back.shared, back.step, back.answers),
            (None, own.step, own.answers.clone())
        );
        let wrong_length = Link::Result {
            response: Response {
                answers: vec![None; 2],
                profile: Vec::new(),
            },
            language: None,
        };
        assert_eq!(
            own.apply(Follow(wrong_length)),
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
        let at_profile = answered.iter().cloned().fold(two(), |q, a| q.apply(a));
        assert_eq!(at_profile.step, Step::Profile);
        assert_eq!(at_profile.asked(), [0, 1]);
        let skipped = at_profile.apply(Continue);
        assert_eq!(skipped.step, Step::Result, "nothing is required");
        assert_eq!(skipped.response().profile, [None, None]);
        let chosen = at_profile
            .apply(ChooseProfile {
                question: 1,
                answer: Some(2),
            })
            .apply(ChooseProfile {
                question: 0,
                answer: Some(0),
            })
            .apply(ChooseProfile {
                question: 0,
                answer: None,
            })
            .apply(Continue);
        assert_eq!(
            chosen.response().profile,
            [None, Some(2)],
            "prefer not to say"
        );
        assert_eq!(chosen.apply(Back).step, Step::Profile);
        assert_eq!(chosen.apply(Back).apply(Back).step, Step::Question(2));
        assert!(!chosen.apply(Restart).profile.iter().any(Option::is_some));
        assert_eq!(
            quiz().apply(ChooseProfile {
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
            .fold(quiz().with_preset(vec![Some(3), None]), |q, a| q.apply(a));
        assert_eq!((one.step, one.asked()), (Step::Profile, vec![1]));
        let own = one
            .apply(ChooseProfile {
                question: 0,
                answer: Some(1),
            })
            .apply(ChooseProfile {
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
            .fold(quiz().with_preset(vec![Some(3), Some(0)]), |q, a| {
                q.apply(a)
            });
        assert_eq!(all.step, Step::Result, "nothing left to ask");
        assert_eq!(all.apply(Back).step, Step::Question(2));
        assert_eq!(
            all.apply(Restart).preset,
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
        let Some(Link::Invalid(error)) = crate::code::follow(&q, "#r=11.!") else {
            panic!("an invalid link")
        };
        let told = quiz().apply(Follow(Link::Invalid(error.clone())));
        assert_eq!(told.notice, Some(Notice::BadLink(error)));
        assert_eq!(told.step, Step::Intro);
        let group = run([Start]).apply(OpenGroup);
        assert!(group.group);
        let closed = group.apply(CloseGroup);
        assert_eq!((closed.group, closed.step), (false, Step::Question(0)));
    }

    #[test]
    fn only_answering_into_the_result_makes_a_new_result() {
        use Action::*;
        let done = run(all_three_answered());
        assert_eq!(
            (done.step, done.results),
            (Step::Result, 1),
            "continue into the result"
        );
        let again = done.apply(Back).apply(Continue);
        assert_eq!(again.results, 2, "answering into it again is a new result");
        let revisited = done
            .apply(Revisit(1))
            .apply(level(1))
            .apply(Continue)
            .apply(Continue);
        assert_eq!(
            (revisited.step, revisited.results),
            (Step::Result, 2),
            "so is a revisit's"
        );
        let profiled = all_three_answered()
            .into_iter()
            .fold(quiz().with_preset(vec![None]), |q, a| q.apply(a));
        assert_eq!(
            profiled.results, 0,
            "the background screen is not the result"
        );
        assert_eq!(profiled.apply(Continue).results, 1);

        // Resumed on the result: the page load, the group view, links and
        // leaving a shared result show it again, but it is not a new one.
        let mut resumed = done.clone();
        resumed.results = 0;
        resumed.moved = false;
        let theirs = Link::Result {
            response: Response {
                answers: vec![Some(Answer::Level(Level(4))); 3],
                profile: Vec::new(),
            },
            language: None,
        };
        let opened = Quiz::opening(resumed.clone(), false, Some(theirs.clone()));
        assert_eq!(opened.results, 0, "a link at load");
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
            let after = path
                .iter()
                .cloned()
                .fold(resumed.clone(), |q, a| q.apply(a));
            assert_eq!(after.results, 0, "{path:?}");
            let after = path.iter().cloned().fold(done.clone(), |q, a| q.apply(a));
            assert_eq!(after.results, 1, "{path:?} after a result");
        }
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
        let q = q.apply(Revisit(1));
        assert_eq!((q.step, q.question_number()), (Step::Question(1), Some(2)));
    }
}
