// What `plan-check init` writes: a working plan repository as a list of files, computed from the
// date and the interface language alone (no file system here; the command writes them).
//
// The example plan covers the current year and its actuals are dated the day init runs, so the
// first `plan-check status` shows a live meeting view instead of a plan that has already ended.
import { dayNumber, formatDay, parseIsoDate, splitDay } from '../core/dates.js';
import { schemas } from '../core/schema-validators.js';
import type { Lang } from '../i18n/labels.js';

export interface ScaffoldFile {
  /** relative to the folder being scaffolded, with forward slashes */
  path: string;
  content: string;
}

export interface ScaffoldOptions {
  /** the date init runs, YYYY-MM-DD */
  today: string;
  /** the language of the comments (the example plan itself is Chinese, like the plans it stands for) */
  lang: Lang;
}

/** Where the JSON Schemas are written, for editors; the same JSON `plan-check schema NAME` prints. */
export const SCHEMA_FOLDER = '.plan-check/schemas';

const schemaPath = (name: keyof typeof schemas) => `${SCHEMA_FOLDER}/${name}.schema.json`;

export function scaffoldFiles(options: ScaffoldOptions): ScaffoldFile[] {
  const today = parseIsoDate(options.today);
  if (today === undefined) throw new Error(`scaffoldFiles: not a date: ${options.today}`);
  const say = (zh: string, en: string): string => (options.lang === 'zh-CN' ? zh : en);
  const example = exampleFigures(today);
  return [
    { path: 'plan-check.yaml', content: configFile(say) },
    { path: `plans/${example.planId}.plan.yaml`, content: planFile(say, example) },
    { path: 'actuals/food-safety-office.actuals.yaml', content: actualsYaml(say, example) },
    { path: 'actuals/sampling.actuals.csv', content: actualsCsv(example) },
    { path: '.github/workflows/plan-check.yml', content: githubWorkflow(say) },
    { path: '.gitlab-ci.yml', content: gitlabCi(say) },
    { path: '.vscode/settings.json', content: vscodeSettings() },
    { path: '.vscode/extensions.json', content: `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n` },
    ...(Object.keys(schemas) as (keyof typeof schemas)[]).map((name) => ({ path: schemaPath(name), content: `${JSON.stringify(schemas[name], null, 2)}\n` })),
    { path: '.plan-check/README.md', content: schemaReadme(say) },
    { path: '.gitignore', content: 'node_modules/\nplan-check-junit.xml\n' },
  ];
}

type Say = (zh: string, en: string) => string;

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

function configFile(say: Say): string {
  return `# yaml-language-server: $schema=./${schemaPath('config')}
# ${say('plan-check 项目设置。命令行参数优先于这里的设置；全部设置项见 plan-check schema config。', 'plan-check settings. Command-line flags win over these; every setting: plan-check schema config.')}
plans:
  - plans/**/*.plan.yaml
actuals:
  - actuals/**/*.actuals.yaml
  - actuals/**/*.actuals.csv
# ${say('截止前多少天算“即将到期”', 'days before a deadline that count as due soon')}
warn_days: 14
# ${say('确定“今天”所用的时区（CI 服务器多为 UTC）', 'the timezone of "today" (CI machines usually run in UTC)')}
timezone: Asia/Shanghai
# ${say('界面语言 zh-CN 或 en；不写时按 LANG 环境变量，再按方案本身的语言', 'interface language zh-CN or en; when absent: LANG, else the language of the plans')}
# locale: zh-CN
# ${say('固定的评估日期（只用于归档的方案）；--as-of 优先', 'a fixed evaluation date (archived plans only); --as-of wins')}
# as_of: 2024-12-31
`;
}

function planFile(say: Say, x: ExampleFigures): string {
  const y = x.year;
  return `# yaml-language-server: $schema=../${schemaPath('plan')}
# ${say('示例方案：照此把已印发的工作方案写成 YAML（一个文件一个方案），然后删除本文件。', 'An example plan: write each published work plan as one YAML file like this one, then delete this file.')}
# ${say('每个指标上方的注释引用原文，便于核对。', 'The comment above each target quotes the sentence of the plan it encodes.')}
format: plan/1
id: ${x.planId}
title: ${y}年示范区食品安全工作要点（示例）
issuer: 示范区食品安全委员会
doc_no: 示范食安委〔${y}〕1号
period: { start: ${y}-01-01, end: ${y}-12-31 }
# ${say('单位名册：所有牵头、配合和报送单位都必须在这里；aliases 是简称', 'the units registry: every lead, supporting and reporting unit must be here; aliases are short names')}
units:
  - { name: 区食安办, aliases: [食安办] }
  - 区市场监管局
  - 区卫健局
  - 区教育局
phases:
  - { id: mobilize, title: 动员部署, start: ${y}-01-01, due: ${y}-02-28 }
# ${say('工作事项：报送（kind: report，默认）或开展（kind: activity）；owner 可写单位列表，每个单位各自计算', 'duties: reports (kind: report, the default) or activities (kind: activity); owner may be a list, each unit counted on its own')}
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

function actualsYaml(say: Say, x: ExampleFigures): string {
  const lines = [
    `# yaml-language-server: $schema=../${schemaPath('actuals')}`,
    `# ${say('示例数据（虚构）：区食安办报送的数值、完成情况和工作事项记录。', 'Example figures (invented): what the food safety office reports: values, completions and duty records.')}`,
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

function packageNote(say: Say, where: string): string {
  return say(
    `# 安装 plan-check：它尚未发布到 npm 仓库，因此由 PLAN_CHECK_PACKAGE 指明 npm install 从哪里安装，
# 并固定版本，例如：
#   ./tools/plan-check-0.1.0.tgz                                  （用 npm pack 打的包，提交在本仓库中）
#   git+https://git.example.gov.cn/tools/plan-check.git#v0.1.0   （Git 仓库的标签；安装时自动构建）
# 在${where}中设置。不设置时本检查直接失败，绝不从 npm 仓库下载同名的其他软件包。
# plan-check 发布后写 plan-check@0.1 即可。`,
    `# How plan-check is installed: it is not on the npm registry yet, so PLAN_CHECK_PACKAGE says where
# npm install gets it from, pinned to a release, for example
#   ./tools/plan-check-0.1.0.tgz                                (made by npm pack, committed here)
#   git+https://git.example.org/tools/plan-check.git#v0.1.0   (a tag of its git repository; npm builds it)
# Set it in ${where}. Unset, this check fails rather than fetch whatever package of that name the
# registry may hold. Once plan-check is published, plan-check@0.1 will do.`,
  );
}

function githubWorkflow(say: Say): string {
  return `# ${say('plan-check：每次推送和拉取请求时校验方案和实际数据，问题直接标注在文件的对应行上，', 'plan-check: on every push and pull request, validate the plans and actuals (problems are shown on')}
# ${say('并把会前一览写入本次运行的摘要（Summary）。', 'the lines of the files) and add the meeting view to the run\'s summary.')}
name: plan-check
on:
  push:
  pull_request:
    # ${say('加上 labeled/unlabeled：贴上或撤下 plan-change-approved 标签后重新检查', 'labeled/unlabeled too: adding or removing the plan-change-approved label runs the check again')}
    types: [opened, synchronize, reopened, labeled, unlabeled]
permissions:
  contents: read
jobs:
  plan-check:
    runs-on: ubuntu-latest
    env:
${packageNote(say, say('仓库的 Settings → Secrets and variables → Actions → Variables 或下面这一行', 'Settings → Secrets and variables → Actions → Variables, or on the line below')).replace(/^/gm, '      ')}
      PLAN_CHECK_PACKAGE: \${{ vars.PLAN_CHECK_PACKAGE }}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # ${say('方案变化（diff）需要目标分支的历史', 'the plan changes (diff) need the target branch\'s history')}
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install plan-check
        run: |
          if [ -z "$PLAN_CHECK_PACKAGE" ]; then
            echo "::error title=plan-check::${say('请设置仓库变量 PLAN_CHECK_PACKAGE（见 .github/workflows/plan-check.yml 中的说明）', 'set the repository variable PLAN_CHECK_PACKAGE (see the comment in .github/workflows/plan-check.yml)')}"
            exit 1
          fi
          npm install --no-save --no-package-lock --no-audit --no-fund "$PLAN_CHECK_PACKAGE"
      - name: Validate plans and actuals
        run: npx --yes plan-check validate --format github
      - name: Meeting view
        run: npx plan-check status --format md >> "$GITHUB_STEP_SUMMARY"
      # ${say('拉取请求对方案承诺的影响：写入摘要并标注在改动的行上；指标调低、删除或期限推迟时不通过，', 'What the pull request does to the plans\' commitments, in the summary and on the changed lines;')}
      # ${say('除非在方案中写了 “# approved: 变化id”（见 plan-check diff 的 id 列），或贴了 plan-change-approved 标签。', 'it fails on a lowered target, a removal or a later deadline unless the plan has "# approved: ID" or the PR the plan-change-approved label.')}
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

function gitlabCi(say: Say): string {
  return `# ${say('plan-check：校验方案和实际数据；结果以 JUnit 报告显示在合并请求和流水线的“测试”页中。', 'plan-check: validate the plans and actuals; the JUnit report shows in merge requests and the pipeline\'s Tests tab.')}
# ${say('若仓库中已有 .gitlab-ci.yml，把下面的作业复制进去即可。', 'If the repository already has a .gitlab-ci.yml, copy the job below into it.')}
${packageNote(say, say('项目的“设置 → CI/CD → 变量”或作业的 variables', 'Settings → CI/CD → Variables, or in the job\'s variables'))}
plan-check:
  image: node:20
  script:
    - 'test -n "$PLAN_CHECK_PACKAGE" || { echo "${say('请设置 CI/CD 变量 PLAN_CHECK_PACKAGE（见 .gitlab-ci.yml 中的说明）', 'set the CI/CD variable PLAN_CHECK_PACKAGE (see the comment in .gitlab-ci.yml)')}"; exit 1; }'
    - npm install --no-save --no-package-lock --no-audit --no-fund "$PLAN_CHECK_PACKAGE"
    # ${say('出错时再以文本格式输出一遍，便于在作业日志中阅读', 'on failure, print the problems as text too, for the job log')}
    - npx plan-check validate --format junit > plan-check-junit.xml || { npx plan-check validate; exit 1; }
  artifacts:
    when: always
    reports:
      junit: plan-check-junit.xml

# ${say('合并请求对方案承诺的影响，写在作业日志中；指标调低、删除或期限推迟时不通过，除非方案中写了', 'What a merge request does to the plans\' commitments, in the job log; it fails on a lowered target, a removal')}
# ${say('“# approved: 变化id”或合并请求贴了 plan-change-approved 标签。', 'or a later deadline unless the plan has "# approved: ID" or the merge request the plan-change-approved label.')}
plan-check-diff:
  image: node:20
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  variables:
    GIT_DEPTH: 0
  script:
    - 'test -n "$PLAN_CHECK_PACKAGE" || { echo "${say('请设置 CI/CD 变量 PLAN_CHECK_PACKAGE（见 .gitlab-ci.yml 中的说明）', 'set the CI/CD variable PLAN_CHECK_PACKAGE (see the comment in .gitlab-ci.yml)')}"; exit 1; }'
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

function schemaReadme(say: Say): string {
  return say(
    `# .plan-check/schemas

方案（plan）、实际数据（actuals）和项目设置（config）的 JSON Schema，由 \`plan-check init\` 写入，
供编辑器使用（VS Code 的 YAML 扩展通过 \`.vscode/settings.json\` 和各文件首行的
\`# yaml-language-server: $schema=…\` 注释读取），提供补全、悬停说明和即时报错。

升级 plan-check 后请重新生成：

\`\`\`sh
npx plan-check schema plan > .plan-check/schemas/plan.schema.json
npx plan-check schema actuals > .plan-check/schemas/actuals.schema.json
npx plan-check schema config > .plan-check/schemas/config.schema.json
\`\`\`
`,
    `# .plan-check/schemas

The JSON Schemas of plans, actuals and plan-check.yaml, written by \`plan-check init\` for editors
(the VS Code YAML extension reads them through \`.vscode/settings.json\` and the
\`# yaml-language-server: $schema=…\` line at the top of each file): completion, hover help and
errors as you type.

After upgrading plan-check, write them again:

\`\`\`sh
npx plan-check schema plan > .plan-check/schemas/plan.schema.json
npx plan-check schema actuals > .plan-check/schemas/actuals.schema.json
npx plan-check schema config > .plan-check/schemas/config.schema.json
\`\`\`
`,
  );
}
