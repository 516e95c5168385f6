"""What an analyst would write instead of zhizao batch: the two regional indicators only.

CNC rate = mean of key_processes_cnc / key_processes_total over companies with a value;
design-tool penetration = share of companies whose design_tools contains anything but 'none'.
YAML files through PyYAML's C loader (libyaml), JSON files through the json module.
"""
import json
import os
import sys

import yaml

Loader = yaml.CSafeLoader

cnc = []
uses = 0
answered = 0
for root, _dirs, files in os.walk(sys.argv[1]):
    for name in sorted(files):
        if name.endswith(('.yaml', '.yml')):
            with open(os.path.join(root, name), encoding='utf-8') as f:
                doc = yaml.load(f, Loader=Loader)
        elif name.endswith('.json'):
            with open(os.path.join(root, name), encoding='utf-8') as f:
                doc = json.load(f)
        else:
            continue
        a = doc.get('answers') or {}
        total, done = a.get('key_processes_total'), a.get('key_processes_cnc')
        if isinstance(total, (int, float)) and isinstance(done, (int, float)) and total > 0:
            cnc.append(done / total)
        tools = a.get('design_tools')
        if isinstance(tools, list):
            answered += 1
            if tools and 'none' not in tools:
                uses += 1
print(f"cnc-rate {sum(cnc) / len(cnc):.4f} design-tool-penetration {uses / answered:.4f} companies {len(cnc)}")
