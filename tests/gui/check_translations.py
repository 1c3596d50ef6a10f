#!/usr/bin/env python3
"""The .ts files are complete and not stale (issue #24).

Usage: check_translations.py LUPDATE SOURCE_DIR

1. Runs lupdate, exactly as `update_translations` does, over the sources into a
   temporary copy of every translations/*.ts and fails when the set of strings
   differs from the committed file: a tr() added, changed or removed without
   refreshing the .ts files.
2. Fails on any unfinished, vanished or obsolete entry in mortstudio_<lang>.ts
   (the template mortstudio.ts is untranslated by design), and on a plural
   entry without one form per plural of its language (Polish 3, German 2).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Keep in step with qt_add_translations(... INCLUDE_DIRECTORIES ... LUPDATE_OPTIONS) in ui/CMakeLists.txt.
LUPDATE_ARGS = ['-no-obsolete', '-locations', 'relative', '-I', '.', '-I', 'app', '-I', 'server',
                'app', 'ui', 'server']
PLURAL_FORMS = {'pl': 3, 'de': 2}
HOW_TO_FIX = ('Refresh the .ts files and translate what is new:\n'
              '  cmake --build build/ci --target update_translations\n'
              '  (or: cd SOURCE_DIR && lupdate ' + ' '.join(LUPDATE_ARGS) +
              ' -ts translations/mortstudio.ts translations/mortstudio_pl.ts translations/mortstudio_de.ts)\n'
              'then open translations/mortstudio_pl.ts and _de.ts in Qt Linguist (linguist), translate every\n'
              'entry (plural forms for %n), mark them finished and commit the three files.')


def messages(path):
    """{(context, source, comment): message element} of a .ts file."""
    out = {}
    for context in ET.parse(path).getroot().iter('context'):
        name = context.findtext('name')
        for m in context.iter('message'):
            key = (name, m.findtext('source') or '', m.findtext('comment') or '')
            out[key] = m
    return out


def show(key):
    context, source, comment = key
    text = source.replace('\n', '\\n')
    return f'  [{context}] "{text}"' + (f' ({comment})' if comment else '')


def main():
    lupdate, source_dir = sys.argv[1], os.path.abspath(sys.argv[2])
    ts_dir = os.path.join(source_dir, 'translations')
    ts_files = sorted(f for f in os.listdir(ts_dir) if f.endswith('.ts'))
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        # lupdate writes locations relative to the .ts: keep the copies one level below the sources.
        copy_dir = os.path.join(tmp, 'src', 'translations')
        os.makedirs(copy_dir)
        copies = []
        for name in ts_files:
            shutil.copy(os.path.join(ts_dir, name), os.path.join(copy_dir, name))
            copies.append(os.path.join(copy_dir, name))
        run = subprocess.run([lupdate, *LUPDATE_ARGS, '-ts', *copies], cwd=source_dir,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if run.returncode != 0:
            print(run.stdout)
            print(f'lupdate failed ({run.returncode})')
            return 1
        for name, copy in zip(ts_files, copies):
            committed = messages(os.path.join(ts_dir, name))
            fresh = messages(copy)
            new = sorted(set(fresh) - set(committed))
            gone = sorted(set(committed) - set(fresh))
            changed = sorted(k for k in set(fresh) & set(committed)
                             if fresh[k].get('numerus') != committed[k].get('numerus'))
            if new:
                problems.append(f'translations/{name}: {len(new)} string(s) in the sources are missing '
                                f'(new or changed tr() calls):\n' + '\n'.join(map(show, new)))
            if gone:
                problems.append(f'translations/{name}: {len(gone)} string(s) are no longer in the sources:\n'
                                + '\n'.join(map(show, gone)))
            if changed:
                problems.append(f'translations/{name}: plural (%n) changed for:\n' + '\n'.join(map(show, changed)))

    for name in ts_files:
        lang = name[len('mortstudio_'):-len('.ts')] if name.startswith('mortstudio_') else None
        if lang is None:
            continue  # the template
        bad, forms = [], []
        for key, m in messages(os.path.join(ts_dir, name)).items():
            tr = m.find('translation')
            kind = tr.get('type') if tr is not None else 'unfinished'
            if kind in ('unfinished', 'vanished', 'obsolete'):
                bad.append(f'{show(key)}  <- {kind}')
            elif m.get('numerus') == 'yes':
                texts = [f.text or '' for f in tr.findall('numerusform')]
                want = PLURAL_FORMS.get(lang)
                if (want and len(texts) != want) or any(not t.strip() for t in texts):
                    forms.append(f'{show(key)}  <- {len(texts)} plural form(s), {lang} needs {want}')
            elif not (tr.text or '').strip():
                bad.append(f'{show(key)}  <- empty translation')
        if bad:
            problems.append(f'translations/{name}: {len(bad)} entry(ies) not translated:\n' + '\n'.join(bad))
        if forms:
            problems.append(f'translations/{name}: plural forms wrong:\n' + '\n'.join(forms))

    if problems:
        print('\n\n'.join(problems))
        print('\n' + HOW_TO_FIX.replace('SOURCE_DIR', source_dir))
        return 1
    print(f'{len(ts_files)} .ts files up to date and complete')
    return 0


if __name__ == '__main__':
    sys.exit(main())
