// What `plan-check init` writes: a working plan repository as a list of files, computed from the
// date and the interface language alone (no file system here; the command writes them).
//
// The example plan covers the current year and its actuals are dated the day init runs, so the
// first `plan-check status` shows a live meeting view instead of a plan that has already ended.
import { dayNumber, formatDay, parseIsoDate, splitDay } from '../core/dates.js';
import { schemas } from '../core/schema-validators.js';
import { initTexts as englishTexts } from '../i18n/en.js';
import type { Lang } from '../i18n/labels.js';
import { initTexts as chineseTexts } from '../i18n/zh-CN.js';

interface ScaffoldFile {
  /** relative to the folder being scaffolded, with forward slashes */
  path: string;
  content: string;
}

interface ScaffoldOptions {
  /** the date init runs, YYYY-MM-DD */
  today: string;
  /** the language of the comments (the example plan itself is Chinese, like the plans it stands for) */
  lang: Lang;
}

/** Where the JSON Schemas are written, for editors; the same JSON `plan-check schema NAME` prints. */
const SCHEMA_FOLDER = '.plan-check/schemas';

const schemaPath = (name: keyof typeof schemas) => `${SCHEMA_FOLDER}/${name}.schema.json`;

export function scaffoldFiles(options: ScaffoldOptions): ScaffoldFile[] {
  const today = parseIsoDate(options.today);
  if (today === undefined) throw new Error(`scaffoldFiles: not a date: ${options.today}`);
  const text = options.lang === 'zh-CN' ? chineseTexts : englishTexts;
  const example = exampleFigures(today);
  return [
    { path: 'plan-check.yaml', content: configFile(text, options.lang) },
    { path: `plans/${example.planId}.plan.yaml`, content: planFile(text, example) },
    { path: 'actuals/food-safety-office.actuals.yaml', content: actualsYaml(text, example) },
    { path: 'actuals/sampling.actuals.csv', content: actualsCsv(example) },
    { path: '.github/workflows/plan-check.yml', content: githubWorkflow(text) },
    { path: '.gitlab-ci.yml', content: gitlabCi(text) },
    { path: '.vscode/settings.json', content: vscodeSettings() },
    { path: '.vscode/extensions.json', content: `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n` },
    ...(Object.keys(schemas) as (keyof typeof schemas)[]).map((name) => ({
      path: schemaPath(name),
      content: `${JSON.stringify(schemas[name], null, 2)}\n`,
    })),
    { path: '.plan-check/README.md', content: schemaReadme(text) },
    { path: '.gitignore', content: 'node_modules/\nplan-check-junit.xml\n' },
  ];
}

type Texts = typeof englishTexts;

interface ExampleFigures {
  year: number;
  planId: string;
  today: string;
  /** food samples reported so far: a little behind the linear pace, so the meeting view has something to show */
  sampling: number;
  /** the mobilisation phase's completion date, once it is past */
  phaseDone?: string;
  /** monthly duty occurrences due on or before today, each submitted two days early */
  reports: { due: string; submitted: string }[];
}

function exampleFigures(today: number): ExampleFigures {
  const { year, month } = splitDay(today);
  const start = dayNumber(year, 1, 1);
  const end = dayNumber(year, 12, 31);
  const elapsed = (today - start + 1) / (end - start + 1);
  const reports: ExampleFigures['reports'] = [];
  for (let m = 1; m <= month; m += 1) {
    const due = dayNumber(year, m, 10);
    if (due <= today) reports.push({ due: formatDay(due), submitted: formatDay(due - 2) });
  }
  const phaseDone = dayNumber(year, 2, 20);
  return {
    year,
    planId: `example-${year}-food-safety`,
    today: formatDay(today),
    sampling: Math.round(1500 * elapsed * 0.9),
    phaseDone: phaseDone <= today ? formatDay(phaseDone) : undefined,
    reports,
  };
}

/** A Chinese setup settles its language in the file (servers often run with LANG=C.UTF-8); an English one leaves it to LANG. */
function configFile(text: Texts, lang: Lang): string {
  return `# yaml-language-server: $schema=./${schemaPath('config')}
# ${text.config_heading}
plans:
  - plans/**/*.plan.yaml
actuals:
  - actuals/**/*.actuals.yaml
  - actuals/**/*.actuals.csv
# ${text.config_warn_days}
warn_days: 14
# ${text.config_timezone}
timezone: Asia/Shanghai
# ${text.config_locale}
${lang === 'zh-CN' ? 'locale: zh-CN' : '# locale: zh-CN'}
# ${text.config_as_of}
# as_of: 2024-12-31
`;
}

function planFile(text: Texts, x: ExampleFigures): string {
  const y = x.year;
  return `# yaml-language-server: $schema=../${schemaPath('plan')}
# ${text.plan_heading}
# ${text.plan_quotes}
format: plan/1
id: ${x.planId}
title: ${y}年示范区食品安全工作要点（示例）
issuer: 示范区食品安全委员会
doc_no: 示范食安委〔${y}〕1号
period: { start: ${y}-01-01, end: ${y}-12-31 }
# ${text.plan_units}
units:
  - { name: 区食安办, aliases: [食安办] }
  - 区市场监管局
  - 区卫健局
  - 区教育局
phases:
  - { id: mobilize, title: 动员部署, start: ${y}-01-01, due: ${y}-02-28 }
# ${text.plan_duties}
duties:
  # 原文：“每月10日前报送上月工作落实情况”
  - { id: monthly, title: 报送上月工作落实情况, owner: 区食安办, every: month, day: 10 }
sections:
  - title: 强化风险防控
    tasks:
      - id: "1"
        title: 加强食品安全监督抽检
        lead: [区市场监管局]
        support: [区卫健局]
        targets:
          # 原文：“全年完成食品监督抽检不少于1500批次”
          - { id: sampling, metric: 食品监督抽检量, target: ">= 1500", unit: 批次 }
          # 原文：“不合格食品核查处置率达到100%”
          - { id: recheck, metric: 不合格食品核查处置率, target: ">= 100%" }
      - id: "2"
        title: 守住食品安全底线
        lead: [区食安办]
        support: [区市场监管局, 区卫健局, 区教育局]
        targets:
          # 原文：“确保全年不发生重大食品安全事故”
          - { id: accidents, metric: 重大食品安全事故, target: "<= 0", unit: 起 }
  - title: 推进社会共治
    tasks:
      - id: "3"
        title: 推进学校食堂“互联网+明厨亮灶”建设
        lead: [区教育局]
        support: [区市场监管局]
        due: ${y}-11-30
`;
}

function actualsYaml(text: Texts, x: ExampleFigures): string {
  const lines = [
    `# yaml-language-server: $schema=../${schemaPath('actuals')}`,
    `# ${text.actuals_heading}`,
    'format: actuals/1',
    `plan: ${x.planId}`,
    'reported_by: 区食安办',
    `as_of: ${x.today}`,
    'values:',
    '  - { target: 2/accidents, value: 0 }',
  ];
  if (x.phaseDone) lines.push('done:', `  - { phase: mobilize, date: ${x.phaseDone} }`);
  if (x.reports.length > 0) {
    lines.push('duties:', ...x.reports.map((r) => `  - { duty: monthly, due: ${r.due}, date: ${r.submitted} }`));
  }
  return `${lines.join('\n')}\n`;
}

function actualsCsv(x: ExampleFigures): string {
  // the Chinese header, as a department fills it in Excel or WPS (save as "CSV UTF-8")
  return [
    '计划,指标,截至日期,数值,填报单位,备注',
    `${x.planId},1/sampling,${x.today},${x.sampling},区市场监管局,示例数据`,
    `${x.planId},1/recheck,${x.today},18/20,区市场监管局,示例数据`,
    `${x.planId},1/recheck,${x.today},6/6,区卫健局,示例数据`,
    '',
  ].join('\n');
}

function packageNote(text: Texts, where: string): string {
  return text.package_note(where);
}

function githubWorkflow(text: Texts): string {
  return `# ${text.github_heading_1}
# ${text.github_heading_2}
name: plan-check
on:
  push:
  pull_request:
    # ${text.github_pr_labels}
    types: [opened, synchronize, reopened, labeled, unlabeled]
permissions:
  contents: read
jobs:
  plan-check:
    runs-on: ubuntu-latest
    env:
${packageNote(text, text.github_where).replace(/^/gm, '      ')}
      PLAN_CHECK_PACKAGE: \${{ vars.PLAN_CHECK_PACKAGE }}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # ${text.github_fetch_depth}
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install plan-check
        run: |
          if [ -z "$PLAN_CHECK_PACKAGE" ]; then
            echo "::error title=plan-check::${text.github_missing_variable}"
            exit 1
          fi
          npm install --no-save --no-package-lock --no-audit --no-fund "$PLAN_CHECK_PACKAGE"
      - name: Validate plans and actuals
        run: npx --yes plan-check validate --format github
      - name: Meeting view
        run: npx plan-check status --format md >> "$GITHUB_STEP_SUMMARY"
      # ${text.github_diff_1}
      # ${text.github_diff_2}
      - name: Plan changes
        if: github.event_name == 'pull_request'
        env:
          BASE: origin/\${{ github.base_ref }}
          APPROVED: \${{ contains(github.event.pull_request.labels.*.name, 'plan-change-approved') }}
        run: |
          npx plan-check diff "$BASE...HEAD" --format md >> "$GITHUB_STEP_SUMMARY"
          if [ "$APPROVED" = true ]; then gate=""; else gate="--fail-on lowered,removed,deadline-later"; fi
          npx plan-check diff "$BASE...HEAD" --format github $gate
`;
}

function gitlabCi(text: Texts): string {
  return `# ${text.gitlab_heading_1}
# ${text.gitlab_heading_2}
${packageNote(text, text.gitlab_where)}
plan-check:
  image: node:20
  script:
    - 'test -n "$PLAN_CHECK_PACKAGE" || { echo "${text.gitlab_missing_variable}"; exit 1; }'
    - npm install --no-save --no-package-lock --no-audit --no-fund "$PLAN_CHECK_PACKAGE"
    # ${text.gitlab_on_failure}
    - npx plan-check validate --format junit > plan-check-junit.xml || { npx plan-check validate; exit 1; }
  artifacts:
    when: always
    reports:
      junit: plan-check-junit.xml

# ${text.gitlab_diff_1}
# ${text.gitlab_diff_2}
plan-check-diff:
  image: node:20
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  variables:
    GIT_DEPTH: 0
  script:
    - 'test -n "$PLAN_CHECK_PACKAGE" || { echo "${text.gitlab_missing_variable}"; exit 1; }'
    - npm install --no-save --no-package-lock --no-audit --no-fund "$PLAN_CHECK_PACKAGE"
    - git fetch --quiet origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - 'case ",$CI_MERGE_REQUEST_LABELS," in *,plan-change-approved,*) gate="" ;; *) gate="--fail-on lowered,removed,deadline-later" ;; esac'
    - npx plan-check diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME...HEAD" $gate
`;
}

function vscodeSettings(): string {
  const settings = {
    'yaml.schemas': {
      [`./${schemaPath('plan')}`]: ['**/*.plan.yaml', '**/*.plan.yml'],
      [`./${schemaPath('actuals')}`]: ['**/*.actuals.yaml', '**/*.actuals.yml'],
      [`./${schemaPath('config')}`]: ['plan-check.yaml'],
    },
  };
  return `${JSON.stringify(settings, null, 2)}\n`;
}

function schemaReadme(text: Texts): string {
  return text.schema_readme;
}
