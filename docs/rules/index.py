"""Regenerates docs/rules/README.md (severities + index) from the @DiagnosticRule annotations in the working tree.

Run from the repository root: python3 docs/rules/index.py
"""
import subprocess,re,os
os.chdir(subprocess.run(['git','rev-parse','--show-toplevel'],capture_output=True,text=True).stdout.strip())
branches=[]
b='working tree'
rows={}
for root,_,names in os.walk('rules/src/main/java'):
    for name in names:
        f=os.path.join(root,name)
        if not f.endswith('.java'): continue
        s=open(f,encoding='utf-8').read()
        m=re.search(r'@DiagnosticRule\((.*?)\)\s*public',s,re.S)
        if not m: continue
        a=m.group(1)
        i=re.search(r'id\s*=\s*"([^"]+)"',a).group(1)
        t=re.search(r'title\s*=\s*"((?:[^"\\]|\\.)*)"',a).group(1)
        sev=re.search(r'severity\s*=\s*Severity\.(\w+)',a).group(1).lower()
        row=re.search(r'matrixRow\s*=\s*MatrixRow\.(\w+)',a).group(1)
        rows.setdefault(i,(t,sev,row,b))
mr=open('rules/src/main/java/dev/iommudoctor/rules/api/MatrixRow.java',encoding='utf-8').read()
order=[];titles={}
for m in re.finditer(r'^\s+(\w+)\("([^"]+)"\)',mr,re.M):
    order.append(m.group(1)); titles[m.group(1)]=m.group(2)
sevorder={'error':0,'warning':1,'info':2}
out=[]
for i,(t,sev,row,b) in sorted(rows.items(), key=lambda x:(order.index(x[1][2]), sevorder[x[1][1]], x[0])):
    has_doc = os.path.exists(f'docs/rules/{i}.md') or any(
        subprocess.run(['git','cat-file','-e',f'{br}:docs/rules/{i}.md'],capture_output=True).returncode == 0 for br in branches)
    doc = f"[{i}]({i}.md)" if has_doc else i
    out.append(f"| {doc} | {t} | {sev} | {titles[row]} |")
# planned: sample folders without a rule in any branch
planned=[]
for d in sorted(os.listdir('samples/rules')):
    if d in ('HEALTHY','README.md') or d in rows or not os.path.isdir('samples/rules/'+d): continue
    planned.append(d)
print(len(out), "rules;", "planned:", planned)
tbl="\n".join(out)
readme=f"""# Rule reference

Every rule has a stable id, a page here (`<ID>.md`: the problem, the evidence it looks for, the remedy,
assumptions and limitations, references), at least one `fires-when-...` and one `quiet-when-...` case under
`samples/rules/<ID>/`, and a row of the passthrough troubleshooting matrix. `iommu-doctor rules` lists the
rules built into the running version.

## Severities

| Severity | Meaning | Examples |
|---|---|---|
| **error** | Passthrough is broken or unsafe now: a VM with the device cannot start, or the device cannot be isolated. `analyze` exits 1 on it by default (`--fail-on error`). | IOMMU off, group not viable, BAR held by the boot framebuffer, memlock limit |
| **warning** | It works, or may work, but is fragile, slow or risky; fix it before relying on the host. | kernel older than 5.15, no reset method, broken RMRR table, VFs missing |
| **info** | Advice; never a reason to fail a CI job by default (`--fail-on info` makes it one). | `iommu=pt` for host devices, an ignored `amd_iommu=on` |

A rule has one default severity; a few raise or lower it per finding when the evidence says more (e.g.
VFIO-NO-RESET becomes an error once the log shows the device lost, VFIO-PROBE-FAILED is a warning for an
unreadable ROM, KERNEL-TOO-OLD an error below 4.1). A rule whose inputs are missing is reported as
**not evaluated**, never as passed; a rule that does not apply (e.g. IOMMU rules inside a VM guest) is
**not applicable**.

## Index

Sorted by matrix row, then severity. Severity is the rule's default.

| Id | Title | Severity | Matrix row |
|---|---|---|---|
{tbl}
"""
if planned:
    readme += "\nSample cases exist for these ids, but no branch has the rule yet (update this table when they land): " + ", ".join(planned) + ".\n"
readme += """
## Keeping this page in sync

The table is generated from the `@DiagnosticRule` annotations of every rule class on the branches the
rule helpers work on (`rules-c`, `main`, `rules-a`, `rules-b`). After merging new rules, regenerate it
with `python3 docs/rules/index.py` (or edit the row by hand) and add the rule's page next to this one.
"""
open('docs/rules/README.md','w').write(readme)
