export const id = 411;
export const ids = [411];
export const modules = {

/***/ 38411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderDiagnosis: () => (/* binding */ renderDiagnosis)
/* harmony export */ });
// Renders `diagnose`'s answer: text (default), markdown, json. Pure.
function podText(d, md) {
    const code = (s) => (md ? `\`${s}\`` : s);
    const lines = [];
    const where = [d.node && `node ${d.node}`, d.pool && `pool ${d.pool}`, d.platform].filter(Boolean).join(', ');
    lines.push(md ? `## Pod \`${d.pod}\`${where ? ` (${where})` : ''}` : `Pod ${d.pod}${where ? ` (${where})` : ''}`);
    if (!d.failing) {
        lines.push(md ? '' : '', `  ${d.notFailing ?? 'not failing to pull'}`);
        return lines;
    }
    lines.push(`  container ${d.container}: ${d.image}`);
    if (d.event)
        lines.push(`  kubelet says (${d.event.class}): ${md ? code(d.event.message) : d.event.message}`);
    lines.push('');
    if (d.cause) {
        lines.push(md
            ? `**Root cause** (${d.cause.class}${d.cause.rule ? `, ${code(d.cause.rule)}` : ''})`
            : `Root cause (${d.cause.class}${d.cause.rule ? `, ${d.cause.rule}` : ''}):`);
        lines.push(`  ${d.cause.summary}`);
        if (d.cause.evidence.length) {
            lines.push(md ? '' : '  evidence:');
            for (const e of d.cause.evidence)
                lines.push(`  - ${e}`);
        }
        if (d.cause.fix)
            lines.push(md ? '' : '', md ? `Fix:\n\n\`\`\`sh\n${d.cause.fix}\n\`\`\`` : `Fix:\n  ${d.cause.fix}`);
    }
    else {
        lines.push(md ? '**Root cause: none found**' : 'cause: none (no check reproduces the failure)');
        lines.push(md ? '' : '  checked:');
        for (const c of d.checked)
            lines.push(`  - ${c}`);
    }
    if (d.disagreement)
        lines.push('', `${md ? '**Event and checks disagree:**' : 'Event and checks disagree:'} ${d.disagreement}`);
    if (d.ruledOut.length) {
        lines.push('', md ? '**Ruled out**' : 'Ruled out:');
        for (const r of d.ruledOut)
            lines.push(`  - ${r}`);
    }
    if (d.olderImagePods.length) {
        lines.push('', md ? '**Still running an older image from the node cache**' : 'Still running an older image from the node cache:');
        for (const p of d.olderImagePods)
            lines.push(`  - ${p.pod}${p.node ? ` on ${p.node}` : ''}: ${p.image}${p.imageID ? ` (${p.imageID.replace(/^.*@/, '')})` : ''}`);
    }
    if (d.confirm.length) {
        lines.push('', md ? 'Confirm after the fix:\n\n```sh' : 'Confirm after the fix:');
        for (const c of d.confirm)
            lines.push(md ? c : `  ${c}`);
        if (md)
            lines.push('```');
    }
    return lines;
}
function renderDiagnosis(r, format, scope) {
    if (format === 'json')
        return JSON.stringify({ version: 1, exitCode: r.exitCode, pods: r.pods, cannotRead: r.cannotRead }, null, 2) + '\n';
    const md = format === 'markdown';
    const lines = [];
    if (md)
        lines.push('# aks-pull-gate diagnose', '');
    if (r.pods.length === 0)
        lines.push(`No pod ${scope} is failing to pull.`);
    for (const d of r.pods)
        lines.push(...podText(d, md), '');
    if (r.cannotRead.length) {
        lines.push(md ? '**Could not read**' : 'Could not read:');
        for (const c of r.cannotRead)
            lines.push(`  - ${c}`);
    }
    return (lines
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trimEnd() + '\n');
}


/***/ })

};
