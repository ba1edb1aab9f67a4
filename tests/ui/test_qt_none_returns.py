"""Many calls of Qt methods that return None must not kill the interpreter.

PySide6 6.12.0 on Python 3.11 aborts ("Fatal Python error: none_dealloc") after about
5,000 such calls. The loop runs in a child process so that an abort fails this test
instead of killing pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 20_000

SCRIPT = textwrap.dedent(
    f"""
    import os, sys
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    doc = QTextDocument()
    doc.setPlainText("\\n".join(f"line {{n}} with some words" for n in range({CALLS} // 4)))
    cursor = QTextCursor(doc)
    length = doc.characterCount() - 1
    for n in range({CALLS}):
        cursor.setPosition(n % length)

    calls = 0

    class Many(QSyntaxHighlighter):
        def highlightBlock(self, text):
            global calls
            fmt = QTextCharFormat()
            for start in range(4):
                self.setFormat(start, 1, fmt)
                calls += 1

    highlighter = Many(doc)
    highlighter.rehighlight()
    assert calls >= {CALLS}, calls
    print("alive", calls)
    """
)


def test_twenty_thousand_none_returning_calls_leave_the_process_alive() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "alive" in done.stdout
