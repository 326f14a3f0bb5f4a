#!/usr/bin/env python3
"""A learned baseline beside the lexicon stance: multinomial naive Bayes over
word uni/bigrams (en) and character 1-3-grams (zh, ja), trained on labelled
sets and scored on others, with the lexicon's own labels (bubblewatch analyze
--jsonl) and a combination (the model's label where the lexicon finds nothing
and the model is over 0.9 sure). An experiment for the next design step, not
part of bubblewatch.

Usage: bench/stance_ngram_baseline.py [--train dev,train,blind,heldout] [--test fresh]
       (BUBBLEWATCH=path/to/bubblewatch; sets from tests/data/stance/)
"""
import argparse, collections, json, math, os, re, subprocess, sys

ROOT=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
D=os.path.join(ROOT,'tests/data/stance/')
ap=argparse.ArgumentParser()
ap.add_argument('--train',default='dev,train,blind,heldout')
ap.add_argument('--test',default='fresh')
args=ap.parse_args()
BIN=os.environ.get('BUBBLEWATCH',os.path.join(ROOT,'build/bubblewatch'))
def load(sets):
    out=[]
    for s in sets:
        for l in ['en','zh','ja']:
            for line in open(f'{D}{s}.{l}.jsonl', encoding='utf-8'):
                if line.strip(): out.append(json.loads(line))
    return out
def feats(t, lang):
    t=t.lower()
    f=[]
    if lang=='en':
        w=re.findall(r"[a-z0-9$']+|[^\sa-z0-9]", t)
        f+=['w:'+x for x in w]+['b:'+a+'_'+b for a,b in zip(w,w[1:])]
    else:
        s=re.sub(r'\s+','',t)
        for n in (1,2,3):
            f+=[f'c{n}:'+s[i:i+n] for i in range(len(s)-n+1)]
    return f
train=load(args.train.split(',')); test=load(args.test.split(','))
labels=['bubble','revolution','neutral']
def trainnb(items):
    cnt={l:collections.Counter() for l in labels}; prior=collections.Counter()
    for e in items:
        prior[e['label']]+=1
        for x in set(feats(e['text'],e['lang'])): cnt[e['label']][x]+=1
    V=set().union(*[set(c) for c in cnt.values()])
    tot={l:sum(cnt[l].values()) for l in labels}
    def pred(t,lang):
        sc={}
        for l in labels:
            s=math.log(prior[l]/len(items))
            for x in set(feats(t,lang)):
                if x in V: s+=math.log((cnt[l][x]+0.5)/(tot[l]+0.5*len(V)))
            sc[l]=s
        m=max(sc.values()); z=sum(math.exp(v-m) for v in sc.values())
        return {l:math.exp(v-m)/z for l,v in sc.items()}
    return pred
def f1(gold,pred):
    fs=[]
    for l in labels:
        tp=sum(g==l and p==l for g,p in zip(gold,pred)); fp=sum(g!=l and p==l for g,p in zip(gold,pred)); fn=sum(g==l and p!=l for g,p in zip(gold,pred))
        pr=tp/(tp+fp) if tp+fp else 0; rc=tp/(tp+fn) if tp+fn else 0
        fs.append(2*pr*rc/(pr+rc) if pr+rc else 0)
    return sum(fs)/3
# The lexicon's labels, from the binary, for every test item.
inp='\n'.join(json.dumps({k:e[k] for k in ('id','text','lang','kind')},ensure_ascii=False) for e in test)
if not os.access(BIN, os.X_OK):
    sys.exit(f'stance_ngram_baseline: no bubblewatch binary at {BIN} (build it, or set BUBBLEWATCH)')
run=subprocess.run([BIN,'analyze','--jsonl','-'],input=inp+'\n',capture_output=True,text=True)
if run.returncode != 0:
    sys.exit(f'stance_ngram_baseline: {BIN} analyze failed: {run.stderr.strip()}')
lex={}
for line in run.stdout.splitlines():
    r=json.loads(line)
    lex[r.get('id')]=(r.get('stance') or {}).get('label','neutral')
if any(e['id'] not in lex for e in test):
    sys.exit('stance_ngram_baseline: the binary gave no label for some items')
nb=trainnb(train)
probs={e['id']:nb(e['text'],e['lang']) for e in test}
for lang in ['en','zh','ja','all']:
    T=[e for e in test if lang=='all' or e['lang']==lang]
    g=[e['label'] for e in T]
    pn=[max(probs[e['id']].items(), key=lambda x:x[1])[0] for e in T]
    pl=[lex[e['id']] for e in T]
    # The model speaks only where the lexicon found nothing and it is sure.
    comb=[b if a=='neutral' and b!='neutral' and probs[e['id']][b]>0.9 else a
          for e,a,b in zip(T,pl,pn)]
    print(lang, 'lexicon %.3f  nb %.3f  lexicon+nb %.3f'%(f1(g,pl),f1(g,pn),f1(g,comb)))
