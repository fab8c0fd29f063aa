/**
 * The explorer's status line (a role="status" paragraph): what the student's last action did,
 * the progress of a link's replay, and what was wrong with the link. Always set as text: a
 * link's words are quoted in it.
 */
export class StatusLine {
  /** Whether the line ends with the replay's progress (cleared once the replay is over). */
  private showingProgress = false;

  /**
   * `linkProblems`: what was wrong with the link. It stays, ahead of the replay's progress,
   * until the student does something that has its own message.
   */
  constructor(
    private readonly element: HTMLElement,
    private linkProblems: string,
  ) {
    this.show('');
  }

  /** A message about what the student did; it takes the place of the link's problems. */
  say(text: string): void {
    this.linkProblems = '';
    this.showingProgress = false;
    this.show(text);
  }

  /** How far a link's replay has come, after the link's problems. */
  progress(text: string): void {
    this.show(text);
    this.showingProgress = true;
  }

  /** The replay is over: its progress goes, the link's problems stay. */
  endProgress(): void {
    if (this.showingProgress) this.show('');
    this.showingProgress = false;
  }

  private show(text: string): void {
    this.element.textContent = [this.linkProblems, text].filter((part) => part !== '').join(' ');
  }
}
