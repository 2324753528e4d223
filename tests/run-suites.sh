# The suite once per engine, both engines at once: each engine's files share its database and
# run one at a time (vitest.config.ts), so the two engines are what can overlap. Fails if either
# fails; extra arguments go to both runs (e.g. a file filter).
npx vitest run --project extension --project sqlite "$@" &
sqlite=$!
npx vitest run --project postgresql "$@"
postgresql=$?
wait $sqlite
sqlite=$?
[ $postgresql -eq 0 ] && [ $sqlite -eq 0 ]
